package dev.falcojava.cli.inspecting;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints each event as one line, like a Falco output: {@code <time>: <plugin> event <number> (<event_to_string, or
 * the payload>) <field>=<value>...}. A failed extraction ends the run, or with keep-going is reported on {@code err}
 * and the line shows {@code <error>} for the fields.
 */
public final class EventPrinter implements Consumer<RunningPlugin.Event> {

    private final String name;
    private final List<RequestedField> requested;
    private final boolean keepGoing;
    private final PrintWriter out;
    private final PrintWriter err;
    private long failures;

    public EventPrinter(String name, List<RequestedField> requested, boolean keepGoing, PrintWriter out, PrintWriter err) {
        this.name = name;
        this.requested = requested;
        this.keepGoing = keepGoing;
        this.out = out;
        this.err = err;
    }

    /** How many events extraction failed on. */
    public long failures() {
        return failures;
    }

    @Override
    public void accept(RunningPlugin.Event event) {
        StringBuilder line = new StringBuilder();
        Instant time = event.timestamp() == -1 ? Instant.now() : Instant.ofEpochSecond(0, event.timestamp());
        line.append(time).append(": ").append(name).append(" event ").append(event.number())
                .append(" (").append(event.text() != null ? event.text() : event.payload()).append(')');
        switch (event.extracted()) {
            case RunningPlugin.Values(List<String> values) -> {
                for (int i = 0; i < requested.size(); i++) {
                    line.append(' ').append(requested.get(i).label()).append('=').append(values.get(i));
                }
            }
            case RunningPlugin.Failed(String error) -> {
                String message = "plugin_extract_fields failed on event " + event.number() + ": " + error;
                if (!keepGoing) {
                    throw new IllegalStateException(message);
                }
                failures++;
                err.println("falco-plugin run: " + message);
                err.flush();
                requested.forEach(field -> line.append(' ').append(field.label()).append("=<error>"));
            }
        }
        out.println(line);
        out.flush();
    }
}
