package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.inspecting.Capabilities;
import dev.falcojava.cli.inspecting.FieldRow;
import dev.falcojava.cli.inspecting.PluginLibrary;
import dev.falcojava.cli.inspecting.RequestedField;
import dev.falcojava.cli.inspecting.RunningPlugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code falco-plugin run}: loads a source plugin the way Falco does, initializes it, pulls events and prints each
 * with the requested fields, one line per event like a Falco output. Events the plugin leaves for the host to
 * timestamp get the time they are read, as Falco stamps them.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a source plugin library: init, open, pull events and print them with extracted fields.",
        footer = {"", "Example:", "  falco-plugin run target/libmy-plugin.so --open-params max=5 --fields my.count,my.message -n 5"})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LIBRARY", description = "The plugin library (lib<name>.so).")
    private Path libraryPath;

    @Option(names = "--config", paramLabel = "TEXT", defaultValue = "", description = "The init_config (default: empty).")
    private String config;

    @Option(names = "--open-params", paramLabel = "TEXT", defaultValue = "", description = "The open parameters.")
    private String openParams;

    @Option(names = "--fields", split = ",", paramLabel = "FIELD",
            description = "Fields to extract from each event, with arguments as in rules: my.field, my.map[key].")
    private List<String> fields = List.of();

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many events (default: ${DEFAULT-VALUE}).")
    private int limit;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PluginLibrary library = PluginLibrary.open(libraryPath)) {
            if (!Capabilities.of(library).contains("source")) {
                throw new IllegalArgumentException(library.path() + " has no event source to run; run a source plugin");
            }
            List<FieldRow> declared = FieldRow.parse(library.text("get_fields").orElse("[]"));
            List<RequestedField> requested = fields.stream().map(f -> RequestedField.resolve(f, declared)).toList();
            String name = library.text("get_name").orElse("plugin");
            try (RunningPlugin plugin = new RunningPlugin(library, config, spec.commandLine().getErr())) {
                for (RunningPlugin.Event event : plugin.read(openParams, limit, requested)) {
                    StringBuilder line = new StringBuilder();
                    Instant time = event.timestamp() == -1 ? Instant.now() : Instant.ofEpochSecond(0, event.timestamp());
                    line.append(time).append(": ").append(name).append(" event ")
                            .append(event.number()).append(" (").append(event.text() != null ? event.text() : event.payload())
                            .append(')');
                    for (int i = 0; i < requested.size(); i++) {
                        line.append(' ').append(requested.get(i).label()).append('=').append(event.values().get(i));
                    }
                    out.println(line);
                }
            }
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("falco-plugin run: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("falco-plugin run: " + e.getMessage());
            return ExitCodes.BUILD_FAILED;
        }
    }
}
