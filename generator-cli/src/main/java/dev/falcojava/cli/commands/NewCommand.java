package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.generation.ProjectModelFactory;
import dev.falcojava.cli.generation.StarterCapabilities;
import dev.falcojava.cli.model.CapabilityKind;
import dev.falcojava.cli.generation.TemplateRenderer;
import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.JvmSettings;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.Names;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code falco-plugin new}: writes plugin.yaml and a Maven project for a new plugin. */
@Command(name = "new",
        description = "Create a plugin project: plugin.yaml, a Maven project with your plugin class, and the native glue.",
        footer = {"", "Without NAME on a terminal, new asks for the name, capabilities and package.", "Examples:",
                "  falco-plugin new my-plugin --capabilities source,extract --id 999 --event-source my_source",
                "  falco-plugin new k8sjava --prefix ka",
                "  falco-plugin new --from plugin.yaml --dir my-plugin"})
public final class NewCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME", arity = "0..1",
            description = "The plugin name: lowercase letters, digits, '-' and '_'. Asked for on a terminal when missing.")
    private String name;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Create the project from this plugin.yaml (copied as is, comments included) instead of options.")
    private Path from;

    @Option(names = "--force", description = "Replace an existing non-empty directory; it is moved to DIR.previous.")
    private boolean force;

    @Option(names = "--capabilities", split = ",", paramLabel = "CAP", defaultValue = "source,extract",
            description = "Capabilities, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private List<CapabilityKind> capabilities;

    @Option(names = "--id", description = "Plugin id for event sourcing (default: ${DEFAULT-VALUE}, for development).",
            defaultValue = "999")
    private long id;

    @Option(names = "--event-source", paramLabel = "SOURCE", description = "Event source name (default: NAME with '_' for '-').")
    private String eventSource;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "The part before the first dot of every field, as ka in ka.verb (default: NAME with '_' for '-').")
    private String fieldPrefix;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "Java package (default: com.example.<name>).")
    private String javaPackage;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the project (default: ./NAME).")
    private Path dir;

    @Option(names = "--linkage", paramLabel = "LINKAGE", defaultValue = "shared", completionCandidates = Linkages.class,
            description = "${COMPLETION-CANDIDATES}. shared: lib<name>.so for Falco's library_path (default); static: "
                    + "lib<name>.a and <name>.h for hosts that link plugins in and register a plugin_api struct.")
    private LinkageChoice linkage;

    /** The linkages a new project can declare. */
    static final class Linkages implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(LinkageChoice.SHARED, LinkageChoice.STATIC).map(LinkageChoice::toString).iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        PluginDescriptor descriptor;
        Optional<String> descriptorText = Optional.empty();
        try {
            if (from != null) {
                rejectOptionsBesideFrom();
                descriptorText = Optional.of(Files.readString(from));
                descriptor = DescriptorReader.parse(descriptorText.get(), from.toString());
                if (name != null && !name.equals(descriptor.name())) {
                    throw new IllegalArgumentException("NAME " + name + " differs from the name " + descriptor.name()
                            + " in " + from + "; give one of them");
                }
            } else {
                if (name == null) {
                    askOnTerminal();
                }
                descriptor = descriptorFromOptions();
            }
        } catch (NoSuchFileException e) {
            throw CliException.usage("no file " + e.getFile());
        } catch (DescriptorException e) {
            throw CliException.usage((from != null ? from + " is not a valid plugin.yaml"
                    : "the options do not make a valid plugin") + ":\n" + e.getMessage());
        }
        Path target = dir != null ? dir : Path.of(descriptor.name());
        ProjectGenerator.Created created;
        try {
            created = new ProjectGenerator(CliVersion.projectVersions()).create(descriptor, target, descriptorText, force);
        } catch (FileAlreadyExistsException e) {
            throw CliException.usage(e.getFile() + " exists and is not empty; "
                    + "choose another --dir, remove it, or pass --force to move it aside");
        }
        created.previous().ifPresent(previous -> out().println("moved the existing " + target
                + " to " + previous));
        out().println("created " + target.toAbsolutePath().normalize() + " (plugin " + descriptor.name()
                + "); build it with: falco-plugin build --dir " + target);
        return ExitCodes.OK;
    }

    private void rejectOptionsBesideFrom() {
        for (String option : List.of("--capabilities", "--id", "--event-source", "--prefix", "--package", "--linkage")) {
            if (given(option)) {
                throw new IllegalArgumentException("--from takes everything from the file; drop " + option
                        + " or change it in the file");
            }
        }
    }

    /** Asks for what the options did not give, only when a terminal is attached: never in CI or scripts. */
    private void askOnTerminal() throws IOException {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("NAME is required (or --from plugin.yaml); new only asks on a terminal");
        }
        ask(new Prompter(new BufferedReader(console.reader()), console.writer()));
    }

    void ask(Prompter prompter) throws IOException {
        name = prompter.ask("Plugin name", null, n -> Names.PLUGIN_NAME.matcher(n).matches(),
                "lowercase letters, digits, '-' and '_', starting with a letter");
        if (!given("--capabilities")) {
            String keys = String.join(", ", CapabilityKind.keys());
            String answer = prompter.ask("Capabilities (" + keys + ")",
                    String.join(",", capabilities.stream().map(CapabilityKind::key).toList()),
                    c -> Arrays.stream(c.split(",")).map(String::strip).allMatch(CapabilityKind.keys()::contains),
                    "a comma-separated list of " + keys);
            capabilities = Arrays.stream(answer.split(",")).map(CapabilityKind::of).toList();
        }
        if (javaPackage == null) {
            javaPackage = prompter.ask("Java package", Names.defaultPackage(name), Names::isJavaPackage,
                    "Java identifiers separated by dots, no keywords");
        }
    }

    /**
     * The descriptor the options describe, written as plugin.yaml and read back, so the project is generated from
     * exactly the file the user gets, with the same validation.
     */
    private PluginDescriptor descriptorFromOptions() throws DescriptorException {
        List<Capability> declared = new ArrayList<>();
        boolean nameValid = Names.PLUGIN_NAME.matcher(name).matches();
        String prefix = fieldPrefix != null ? FieldPrefixOption.parse(fieldPrefix) : null;
        for (CapabilityKind capability : capabilities) {
            declared.add(StarterCapabilities.of(capability, name, eventSource, prefix));
        }
        if (prefix != null && declared.stream().noneMatch(Capability.Extract.class::isInstance)) {
            throw new IllegalArgumentException("--prefix names the fields of the extract capability, and --capabilities "
                    + String.join(",", capabilities.stream().map(CapabilityKind::key).toList())
                    + " has none; add extract or drop --prefix");
        }
        Linkage chosen = switch (linkage) {
            case SHARED -> new Linkage.Shared();
            case STATIC -> new Linkage.Static(Linkage.defaultApiSymbol(nameValid ? name : "plugin"));
            case DECLARED -> throw CliException.usage("--linkage must be shared or static, not '" + linkage + "'");
        };
        PluginDescriptor draft = new PluginDescriptor(name, "0.1.0", "A Falco plugin written in Java",
                "https://example.com", id, javaPackage != null ? javaPackage : Names.defaultPackage(name),
                Names.defaultClassName(nameValid ? name : "plugin"), chosen,
                new JvmSettings(JvmSettings.DEFAULT_OPTIONS, ""), List.of(), java.util.Optional.empty(), declared, false, List.of(), false);
        String yaml = new TemplateRenderer().render("project/plugin.yaml.mustache",
                new ProjectModelFactory(CliVersion.projectVersions()).create(draft));
        return DescriptorReader.parse(yaml, "plugin.yaml (from the options)");
    }
}
