package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.ProjectEditor;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.StarterCapabilities;
import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.CapabilityKind;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;

/**
 * {@code falco-plugin add-capability}: declares a capability in plugin.yaml (keeping its comments and order), adds
 * the stubs of its methods to the user's class (keeping every line of it), and regenerates the derived code. A
 * capability already declared changes nothing.
 */
@Command(name = "add-capability",
        description = "Add a capability: plugin.yaml, stubs in your plugin class, and the regenerated base class.",
        footer = {"", "Examples:",
                "  falco-plugin add-capability parse",
                "  falco-plugin add-capability extract --prefix ka",
                "  falco-plugin add-capability async --events my_alert,my_heartbeat",
                "  falco-plugin add-capability source --event-source my_source --id 999"})
public final class AddCapabilityCommand extends ProjectCommand {

    @Parameters(paramLabel = "CAPABILITY", description = "${COMPLETION-CANDIDATES}.")
    private CapabilityKind capability;

    @Option(names = "--event-source", paramLabel = "NAME", description = "The event source of a source capability.")
    private String eventSource;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "999", description = "The plugin id a source needs, when "
            + "plugin.yaml has none (default: ${DEFAULT-VALUE}, for development).")
    private long id;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "The part before the first dot of the starter "
            + "fields, as ka in ka.verb (extract only; default: the plugin name with '_' for '-').")
    private String fieldPrefix;

    @Option(names = "--events", split = ",", paramLabel = "NAME", description = "The async event names (async only).")
    private List<String> events;

    @Override
    public Integer call() throws Exception {
        onlyFor(events != null, "--events", CapabilityKind.ASYNC);
        onlyFor(eventSource != null, "--event-source", CapabilityKind.SOURCE);
        onlyFor(fieldPrefix != null, "--prefix", CapabilityKind.EXTRACT);
        PluginDescriptor before = descriptor();
        Capability added = events != null ? new Capability.Async(events, List.of())
                : StarterCapabilities.of(capability, before.name(), eventSource,
                        fieldPrefix != null ? FieldPrefixOption.parse(fieldPrefix) : null);
        Optional<ProjectEditor.CapabilityAdded> done = new ProjectEditor(projectDir(), CliVersion.projectVersions())
                .addCapability(before, added, id);
        if (done.isEmpty()) {
            out().printf("%s already declares %s; nothing was changed%n", projectDir().resolve(ProjectContributors.DESCRIPTOR), added.key());
            return ExitCodes.OK;
        }
        ProjectEditor.CapabilityAdded edit = done.get();
        out().printf("added %s to %s and its methods to %s%s: implement them there%n", added.key(), edit.descriptor(),
                edit.userClass(), edit.newInstance().map(c -> " (and " + c.getFileName() + ")").orElse(""));
        return ExitCodes.OK;
    }

    private void onlyFor(boolean given, String option, CapabilityKind kind) {
        if (given && capability != kind) {
            throw CliException.usage(option + " is for the " + kind + " capability");
        }
    }
}
