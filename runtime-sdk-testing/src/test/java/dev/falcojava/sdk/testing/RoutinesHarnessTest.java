package dev.falcojava.sdk.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routines, set_config and dump_state through the harness, as a generated plugin's test uses them. */
class RoutinesHarnessTest {

    @Test
    void routinesRunWhenTheTestAsksUntilTheyEndThrowOrTheCaptureCloses() {
        try (PluginHarness harness = PluginHarness.init(RoutinesPlugin.class, "")) {
            harness.captureOpen();
            assertEquals(0, RoutinesPlugin.counted, "subscribed routines run only when asked");
            assertEquals(2, harness.runRoutines(), "the thrower is unsubscribed; the counter and forever stay");
            assertEquals(2, harness.runRoutines());
            assertEquals(1, harness.runRoutines(), "the counter answered false on its third run");
            assertEquals(3, RoutinesPlugin.counted);
            List<LogRecord> lines = harness.logLines();
            assertEquals(1, lines.size(), lines::toString);
            assertEquals("routines", lines.getFirst().component());
            assertEquals(3, lines.getFirst().severity());
            assertTrue(lines.getFirst().message()
                    .startsWith("routine thrower threw and was unsubscribed: no (at "),
                    lines.getFirst().message());
            harness.captureClose();
            assertEquals(0, harness.runRoutines(), "capture close purged the rest");
        }
    }

    @Test
    void setConfigAndDumpState() {
        try (PluginHarness harness = PluginHarness.init(RoutinesPlugin.class, "first")) {
            harness.setConfig("second");
            PluginCallException refused = assertThrows(PluginCallException.class, () -> harness.setConfig("bad"));
            assertTrue(refused.getMessage().contains("set_config: bad config"), refused.getMessage());
            harness.dumpState();
            List<AsyncEventRecord> dumped = harness.asyncEvents();
            assertEquals(1, dumped.size());
            assertEquals("routines_state", dumped.getFirst().name());
            assertEquals("config=second", dumped.getFirst().text());
        }
    }
}
