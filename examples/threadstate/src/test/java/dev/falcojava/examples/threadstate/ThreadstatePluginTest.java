package dev.falcojava.examples.threadstate;

import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.testing.CapturedEvent;
import dev.falcojava.sdk.testing.PluginHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drives the plugin with a host threads table, through the same native bridge Falco uses. */
class ThreadstatePluginTest {

    private static CapturedEvent event(long number, long tid) {
        return new CapturedEvent(number, 1, 0, "event".getBytes(StandardCharsets.UTF_8)).withThreadId(tid);
    }

    @Test
    void countsTheEventsOfEachThreadInTheThreadsTable() {
        try (PluginHarness harness = PluginHarness.init(ThreadstatePlugin.class, "", host -> {
            Table threads = host.threads();
            threads.add(7).set(threads.field("comm", FieldKind.STRING), "bash");
            threads.add(8).set(threads.field("comm", FieldKind.STRING), "sshd");
        })) {
            harness.parse(event(1, 7));
            harness.parse(event(2, 8));
            harness.parse(event(3, 7));
            assertEquals(List.of(2L, "bash"), harness.extract(event(4, 7), "threadstate.events", "threadstate.comm"));
            assertEquals(List.of(1L, "sshd"), harness.extract(event(5, 8), "threadstate.events", "threadstate.comm"));
            assertEquals(Arrays.asList(null, null), harness.extract(event(6, 9), "threadstate.events", "threadstate.comm"),
                    "a thread the table does not have gives no value");
            assertEquals(2L, harness.hostTables().rows("threads").getFirst().get("threadstate_events"));
        }
    }
}
