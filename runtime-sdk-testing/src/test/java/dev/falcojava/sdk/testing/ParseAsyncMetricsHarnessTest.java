package dev.falcojava.sdk.testing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing around a capture, metrics and async events through the harness. */
class ParseAsyncMetricsHarnessTest {

    @Test
    void parseFailsOutsideACaptureCountsInsideOneAndTheMetricsReportIt() {
        List<CapturedEvent> events = LongStream.rangeClosed(1, 4)
                .mapToObj(n -> new CapturedEvent(n, 1, 7, ("event " + n).getBytes(StandardCharsets.UTF_8))).toList();
        try (PluginHarness harness = PluginHarness.init(ParseCountingPlugin.class, "")) {
            PluginCallException early = assertThrows(PluginCallException.class, () -> harness.parse(events.getFirst()));
            assertTrue(early.getMessage().contains("parse_event: event 1 parsed outside a capture"), early.getMessage());
            harness.captureOpen();
            events.forEach(harness::parse);
            harness.captureClose();
            assertEquals(List.of(4L), harness.extract(events.getLast(), "pc.parsed"));
            assertEquals(Map.of("pc.parsed", 4L, "pc.share", 0.5), harness.metrics());
        }
    }

    @Test
    void asyncEventsArriveEncodedAndStopWithTheHandler() {
        try (PluginHarness harness = PluginHarness.init(TickingPlugin.class, "")) {
            harness.startAsync();
            harness.stopAsync();
            List<AsyncEventRecord> pushed = harness.asyncEvents();
            assertEquals(List.of("tick 1", "tick 2", "tick 3"), pushed.stream().map(AsyncEventRecord::text).toList());
            assertTrue(pushed.stream().allMatch(e -> e.name().equals("tick") && e.timestamp() == -1 && e.threadId() == -1),
                    pushed::toString);
        }
    }
}
