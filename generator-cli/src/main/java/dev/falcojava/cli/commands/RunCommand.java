package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.inspecting.Capabilities;
import dev.falcojava.cli.inspecting.EventPrinter;
import dev.falcojava.cli.inspecting.FieldRow;
import dev.falcojava.cli.inspecting.PluginLibrary;
import dev.falcojava.cli.inspecting.RequestedField;
import dev.falcojava.cli.inspecting.RunningPlugin;
import dev.falcojava.cli.inspecting.SignalStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code falco-plugin run}: loads a source plugin the way Falco does, initializes it, pulls events until the end of
 * the stream, {@code -n} events, {@code --idle-exit} or Ctrl-C, and prints each with its fields, one line per event
 * like a Falco output. Events the plugin leaves for the host to timestamp get the time they are read, as Falco
 * stamps them.
 */
@Command(name = "run",
        description = "Run a source plugin library: init, open, pull events and print them with extracted fields,"
                + " until the end of the stream, -n events, --idle-exit or Ctrl-C (which closes the source, destroys"
                + " the plugin and exits 0). Each line: time, plugin name, event number, (event_to_string), fields.",
        footer = {"", "Examples:", "  falco-plugin run target/libmy-plugin.so --open-params max=5 -n 5 --fields my.count",
                "  falco-plugin run target/libmy-plugin.so --idle-exit 30 --keep-going"})
public final class RunCommand extends BaseCommand {

    @Parameters(paramLabel = "LIBRARY", description = "The plugin library (lib<name>.so).")
    private Path libraryPath;

    @Option(names = "--config", paramLabel = "TEXT", defaultValue = "", description = "The init_config (default: empty).")
    private String config;

    @Option(names = "--open-params", paramLabel = "TEXT", defaultValue = "", description = "The open parameters.")
    private String openParams;

    @Option(names = "--fields", split = ",", paramLabel = "FIELD",
            description = {"Fields to extract from each event, with arguments as in rules: my.field, my.map[key].",
                    "Default: every field that does not require an argument."})
    private List<String> fields;

    @Option(names = "-n", paramLabel = "N", defaultValue = "0",
            description = "Stop after N events; 0 (the default) runs until the end of the stream or Ctrl-C.")
    private long limit;

    @Option(names = "--idle-exit", paramLabel = "SECONDS",
            description = "Stop after this long without an event (timeouts of next_batch alone never stop a run).")
    private Long idleExitSeconds;

    @Option(names = "--keep-going", description = "Report a failed extraction and go on to the next event (exit 1 at the end).")
    private boolean keepGoing;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (limit < 0) {
            throw CliException.usage("-n must be 0 (no limit) or more, not " + limit);
        }
        if (idleExitSeconds != null && idleExitSeconds <= 0) {
            throw CliException.usage("--idle-exit must be a number of seconds above 0, not " + idleExitSeconds);
        }
        try (PluginLibrary library = PluginLibrary.open(libraryPath)) {
            if (!Capabilities.of(library).contains("source")) {
                throw new IllegalArgumentException(library.path() + " has no event source to run; run a source plugin");
            }
            List<FieldRow> declared = FieldRow.parse(library.text("get_fields").orElse("[]"));
            List<RequestedField> requested = fields != null
                    ? fields.stream().map(f -> RequestedField.resolve(f, declared)).toList()
                    : declared.stream().filter(f -> !f.argumentRequired()).map(f -> RequestedField.resolve(f.name(), declared)).toList();
            EventPrinter printer = new EventPrinter(library.text("get_name").orElse("plugin"), requested, keepGoing, out, err);
            try (SignalStop stop = new SignalStop(err);
                 RunningPlugin plugin = new RunningPlugin(library, config, err)) {
                Duration idle = idleExitSeconds == null ? null : Duration.ofSeconds(idleExitSeconds);
                RunningPlugin.End end = plugin.read(openParams, requested, new RunningPlugin.Limits(limit, idle, stop), printer);
                if (end == RunningPlugin.End.IDLE) {
                    err.println("falco-plugin run: no event for " + idleExitSeconds + " s (--idle-exit); stopped");
                }
            }
            if (printer.failures() > 0) {
                err.println("falco-plugin run: extraction failed on " + printer.failures() + " event(s)");
                return ExitCodes.BUILD_FAILED;
            }
            return ExitCodes.OK;
        } catch (IllegalStateException e) {
            throw CliException.failed(e.getMessage());
        } finally {
            out.flush();
            err.flush();
        }
    }
}
