package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.inspecting.Capabilities;
import dev.falcojava.cli.inspecting.FieldRow;
import dev.falcojava.cli.inspecting.PluginLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code falco-plugin info}: what Falco learns from a plugin library before starting it: the metadata functions
 * only, never {@code plugin_init}, so no JVM starts.
 */
@Command(name = "info",
        description = "Show a plugin library's name, version, required API version, capabilities, fields, required "
                + "event schema, optional functions and init schema, read the way Falco reads them (no plugin_init).",
        footer = {"", "Example:", "  falco-plugin info target/libmy-plugin.so"})
public final class InfoCommand extends BaseCommand {

    /** Functions beyond the capabilities that a host may call: reconfiguration and state dumps. */
    private static final List<String> OPTIONAL_FUNCTIONS = List.of("set_config", "dump_state");

    @Parameters(paramLabel = "LIBRARY", description = "The plugin library (lib<name>.so).")
    private Path libraryPath;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (PluginLibrary library = PluginLibrary.open(libraryPath)) {
            for (String required : List.of("get_required_api_version", "get_version", "get_name", "get_description",
                    "get_contact", "init", "destroy", "get_last_error")) {
                if (!library.has(required)) {
                    throw new IllegalStateException(library.path() + " does not export plugin_" + required
                            + ", which every plugin needs: it is not a Falco plugin");
                }
            }
            List<String> capabilities = Capabilities.of(library);
            out.printf("name:         %s%n", library.text("get_name").orElse(""));
            out.printf("version:      %s%n", library.text("get_version").orElse(""));
            out.printf("description:  %s%n", library.text("get_description").orElse(""));
            out.printf("contact:      %s%n", library.text("get_contact").orElse(""));
            out.printf("api version:  %s%n", library.text("get_required_api_version").orElse(""));
            out.printf("capabilities: %s%n", String.join(", ", capabilities));
            if (capabilities.contains("source")) {
                out.printf("id:           %d%n", library.id());
                out.printf("event source: %s%n", library.text("get_event_source").orElse(""));
            }
            if (capabilities.contains("extract")) {
                List<FieldRow> fields = FieldRow.parse(library.text("get_fields").orElse("[]"));
                int width = Math.max(5, fields.stream().mapToInt(f -> f.name().length()).max().orElse(5));
                out.printf("fields:%n  %-" + width + "s  %-7s  %-4s  %-15s  %s%n", "NAME", "TYPE", "LIST", "ARGUMENT", "DESCRIPTION");
                for (FieldRow field : fields) {
                    out.printf("  %-" + width + "s  %-7s  %-4s  %-15s  %s%n", field.name(), field.type(),
                            field.list() ? "yes" : "no", field.argument(), field.description());
                }
            }
            library.textWithoutState("get_required_event_schema_version")
                    .ifPresent(version -> out.printf("event schema: %s%n", version));
            List<String> optional = OPTIONAL_FUNCTIONS.stream().filter(library::has).toList();
            if (!optional.isEmpty()) {
                out.printf("also exports: %s%n", String.join(", ", optional.stream().map(f -> "plugin_" + f).toList()));
            }
            library.initSchema().ifPresent(schema -> out.printf("init schema:  %s%n", schema));
            return ExitCodes.OK;
        } catch (IllegalStateException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
