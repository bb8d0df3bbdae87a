package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.DescriptorEditor;
import dev.falcojava.cli.editing.EditException;
import dev.falcojava.cli.editing.UserClassEditor;
import dev.falcojava.cli.generation.AtomicFiles;
import dev.falcojava.cli.generation.FieldView;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.generation.ProjectModelFactory;
import dev.falcojava.cli.generation.StarterCapabilities;
import dev.falcojava.cli.generation.TemplateRenderer;
import dev.falcojava.cli.generation.escape.YamlString;
import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code falco-plugin add-capability}: declares a capability in plugin.yaml (keeping its comments and order), adds
 * the stubs of its methods to the user's class (keeping every line of it), and regenerates the derived code. A
 * capability already declared changes nothing.
 */
@Command(name = "add-capability", mixinStandardHelpOptions = true,
        description = "Add a capability: plugin.yaml, stubs in your plugin class, and the regenerated base class.",
        footer = {"", "Capabilities: source, extract, parse, async, capture-listen.", "Examples:",
                "  falco-plugin add-capability parse",
                "  falco-plugin add-capability extract --prefix ka",
                "  falco-plugin add-capability async --events my_alert,my_heartbeat",
                "  falco-plugin add-capability source --event-source my_source --id 999"})
public final class AddCapabilityCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CAPABILITY", description = "source, extract, parse, async or capture-listen.")
    private String capability;

    @Option(names = "--event-source", paramLabel = "NAME", description = "The event source of a source capability.")
    private String eventSource;

    @Option(names = "--id", paramLabel = "ID", description = "The plugin id a source needs, when plugin.yaml has none "
            + "(default: 999, for development).")
    private Long id;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "The part before the first dot of the starter "
            + "fields, as ka in ka.verb (extract only; default: the plugin name with '_' for '-').")
    private String fieldPrefix;

    @Option(names = "--events", split = ",", paramLabel = "NAME", description = "The async event names (async only).")
    private List<String> events;

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.projectDir();
        Path descriptorFile = dir.resolve(ProjectContributors.DESCRIPTOR);
        TemplateRenderer renderer = new TemplateRenderer();
        try {
            PluginDescriptor before = DescriptorReader.read(descriptorFile);
            Capability added = capability(before);
            if (before.capabilities().stream().anyMatch(c -> c.key().equals(added.key()))) {
                spec.commandLine().getOut().printf("%s already declares %s; nothing was changed%n", descriptorFile, added.key());
                return ExitCodes.OK;
            }
            long newId = added instanceof Capability.Source && before.id() == 0 ? (id != null ? id : 999) : 0;
            String yaml = new DescriptorEditor(renderer).addCapability(Files.readString(descriptorFile), entry(added), newId);
            PluginDescriptor after = DescriptorReader.parse(yaml, descriptorFile.toString());
            ProjectModel model = new ProjectModelFactory(CliVersion.projectVersions()).create(after);
            Path sources = dir.resolve("src/main/java").resolve(model.packagePath());
            Path userClass = sources.resolve(model.className() + ".java");
            String edited = UserClassEditor.addMethod(Files.readString(userClass), userClass.toString(), model.className(),
                    members(added, model, renderer), imports(added));
            Path instanceClass = sources.resolve(model.instanceClassName() + ".java");
            boolean newInstance = added instanceof Capability.Source && !Files.exists(instanceClass);
            String instance = newInstance ? renderer.render("java/SourceInstance.java.mustache", model) : null;
            AtomicFiles.write(descriptorFile, yaml);
            AtomicFiles.write(userClass, edited);
            if (newInstance) {
                AtomicFiles.write(instanceClass, instance);
            }
            new ProjectGenerator(CliVersion.projectVersions()).regenerate(after, dir);
            spec.commandLine().getOut().printf("added %s to %s and its methods to %s%s: implement them there%n", added.key(),
                    descriptorFile, userClass, newInstance ? " (and " + instanceClass.getFileName() + ")" : "");
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("falco-plugin add-capability: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("falco-plugin add-capability: no " + e.getFile() + "; nothing was changed");
            return ExitCodes.USAGE;
        } catch (DescriptorException e) {
            spec.commandLine().getErr().println("falco-plugin add-capability: the capability cannot be added, nothing was "
                    + "changed:\n" + e.getMessage());
            return ExitCodes.USAGE;
        } catch (EditException e) {
            spec.commandLine().getErr().println("falco-plugin add-capability: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private Capability capability(PluginDescriptor current) {
        if (events != null && !capability.equals("async")) {
            throw new IllegalArgumentException("--events is for the async capability");
        }
        if (eventSource != null && !capability.equals("source")) {
            throw new IllegalArgumentException("--event-source is for the source capability");
        }
        if (fieldPrefix != null && !capability.equals("extract")) {
            throw new IllegalArgumentException("--prefix is for the extract capability");
        }
        Capability starter = StarterCapabilities.of(capability, current.name(), eventSource,
                fieldPrefix != null ? FieldPrefixOption.parse(fieldPrefix) : null);
        return events != null ? new Capability.Async(events, List.of()) : starter;
    }

    private static DescriptorEditor.CapabilityEntry entry(Capability added) {
        return switch (added) {
            case Capability.Source source -> new DescriptorEditor.CapabilityEntry("", true, false, false, false, false,
                    YamlString.quote(source.eventSource()), List.of(), "");
            case Capability.Extract extract -> new DescriptorEditor.CapabilityEntry("", false, true, false, false, false, "",
                    extract.fields().stream().map(ProjectModelFactory::yamlField).toList(), "");
            case Capability.Parse parse -> new DescriptorEditor.CapabilityEntry("", false, false, true, false, false, "",
                    List.of(), "");
            case Capability.Async async -> new DescriptorEditor.CapabilityEntry("", false, false, false, true, false, "",
                    List.of(), "[" + String.join(", ", async.events().stream().map(YamlString::quote).toList()) + "]");
            case Capability.CaptureListen listen -> new DescriptorEditor.CapabilityEntry("", false, false, false, false, true,
                    "", List.of(), "");
        };
    }

    /** The stubs the new capability needs in the user's class, from the templates the whole class is made of. */
    private static String members(Capability added, ProjectModel model, TemplateRenderer renderer) {
        return switch (added) {
            case Capability.Source source -> renderer.render("java/methods/SourceMethods.java.mustache", model);
            case Capability.Extract extract -> {
                List<String> methods = new ArrayList<>();
                for (FieldView field : model.fields()) {
                    methods.add(renderer.render("java/ExtractMethod.java.mustache", field).strip());
                }
                yield "    " + String.join("\n\n    ", methods);
            }
            case Capability.Parse parse -> renderer.render("java/methods/ParseMethods.java.mustache", model);
            case Capability.Async async -> renderer.render("java/methods/AsyncMethods.java.mustache", model);
            case Capability.CaptureListen listen -> renderer.render("java/methods/CaptureMethods.java.mustache", model);
        };
    }

    private static String[] imports(Capability added) {
        return switch (added) {
            case Capability.Source source -> new String[] {"dev.falcojava.sdk.api.SourceInstance"};
            case Capability.Extract extract -> new String[] {"dev.falcojava.sdk.api.ExtractRequest"};
            case Capability.Parse parse -> new String[] {"dev.falcojava.sdk.api.PluginEvent"};
            case Capability.Async async -> new String[] {"dev.falcojava.sdk.api.AsyncEvents"};
            case Capability.CaptureListen listen -> new String[0];
        };
    }
}
