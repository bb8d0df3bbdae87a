package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.generation.ProjectModelFactory;
import dev.falcojava.cli.generation.StarterCapabilities;
import dev.falcojava.cli.generation.TemplateRenderer;
import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.JvmSettings;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.Names;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code falco-plugin new}: writes plugin.yaml and a Maven project for a new plugin. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a plugin project: plugin.yaml, a Maven project with your plugin class, and the native glue.",
        footer = {"", "Example:", "  falco-plugin new my-plugin --capabilities source,extract --id 999 --event-source my_source"})
public final class NewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The plugin name: lowercase letters, digits, '-' and '_'.")
    private String name;

    @Option(names = "--capabilities", split = ",", paramLabel = "CAP",
            description = "Capabilities: source, extract, parse, async, capture-listen (default: ${DEFAULT-VALUE}).", defaultValue = "source,extract")
    private List<String> capabilities;

    @Option(names = "--id", description = "Plugin id for event sourcing (default: ${DEFAULT-VALUE}, for development).",
            defaultValue = "999")
    private long id;

    @Option(names = "--event-source", paramLabel = "SOURCE", description = "Event source name (default: NAME with '_' for '-').")
    private String eventSource;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "Java package (default: com.example.<name>).")
    private String javaPackage;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the project (default: ./NAME).")
    private Path dir;

    @Option(names = "--linkage", paramLabel = "shared|static", defaultValue = "shared",
            description = "shared: lib<name>.so for Falco's library_path (default); static: lib<name>.a and <name>.h "
                    + "for hosts that link plugins in and register a plugin_api struct.")
    private String linkage;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path target = dir != null ? dir : Path.of(name);
        PluginDescriptor descriptor;
        try {
            descriptor = descriptorFromOptions();
        } catch (DescriptorException e) {
            spec.commandLine().getErr().println("falco-plugin new: the options do not make a valid plugin:\n" + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("falco-plugin new: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            new ProjectGenerator(CliVersion.projectVersions()).create(descriptor, target);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("falco-plugin new: " + e.getFile() + " exists and is not empty; "
                    + "choose another --dir or remove it");
            return ExitCodes.USAGE;
        }
        spec.commandLine().getOut().println("created " + target.toAbsolutePath().normalize() + " (plugin " + descriptor.name()
                + "); build it with: falco-plugin build --dir " + target);
        return ExitCodes.OK;
    }

    /**
     * The descriptor the options describe, written as plugin.yaml and read back, so the project is generated from
     * exactly the file the user gets, with the same validation.
     */
    private PluginDescriptor descriptorFromOptions() throws DescriptorException {
        List<Capability> declared = new ArrayList<>();
        boolean nameValid = Names.PLUGIN_NAME.matcher(name).matches();
        for (String capability : capabilities) {
            declared.add(StarterCapabilities.of(capability, name, eventSource));
        }
        Linkage chosen = switch (linkage) {
            case "shared" -> new Linkage.Shared();
            case "static" -> new Linkage.Static(Linkage.defaultApiSymbol(nameValid ? name : "plugin"));
            default -> throw new IllegalArgumentException("--linkage must be shared or static, not '" + linkage + "'");
        };
        PluginDescriptor draft = new PluginDescriptor(name, "0.1.0", "A Falco plugin written in Java",
                "https://example.com", id, javaPackage != null ? javaPackage : Names.defaultPackage(name),
                Names.defaultClassName(nameValid ? name : "plugin"), chosen,
                new JvmSettings(JvmSettings.DEFAULT_OPTIONS, ""), List.of(), declared, false);
        String yaml = new TemplateRenderer().render("project/plugin.yaml.mustache",
                new ProjectModelFactory(CliVersion.projectVersions()).create(draft));
        return DescriptorReader.parse(yaml, "plugin.yaml (from the options)");
    }
}
