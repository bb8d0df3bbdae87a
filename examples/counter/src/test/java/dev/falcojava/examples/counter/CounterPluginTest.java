package dev.falcojava.examples.counter;

import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.testing.CapturedEvent;
import dev.falcojava.sdk.testing.PluginCallException;
import dev.falcojava.sdk.testing.PluginHarness;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the counter plugin through the same native bridge Falco uses. */
class CounterPluginTest {

    @Test
    void withoutJitterTheCounterStepsByOne() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "{\"jitter\": 0}");
             PluginHarness.OpenSource source = harness.open("{\"start\": 10, \"maxEvents\": 3}")) {
            List<CapturedEvent> events = source.take(10);
            assertEquals(List.of("9 10", "10 11", "11 12"), events.stream().map(CapturedEvent::payloadAsString).toList());
            assertEquals(List.of(11L, List.of(11L), true, false), harness.extract(events.get(1), "counter.value",
                    "counter.steps", "counter.divisible[11]", "counter.divisible[2]"));
            assertEquals("counter 12 (from 11)", harness.eventToString(events.get(2)));
            assertEquals(new Progress(10_000, null), source.progress());
        }
    }

    @Test
    void withAFixedSeedTheStepsRepeatAndStayWithinTheJitter() {
        String config = "{\"jitter\": 5, \"seed\": 42}";
        List<String> first;
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, config);
             PluginHarness.OpenSource source = harness.open("")) {
            List<CapturedEvent> events = source.take(100);
            assertEquals(20, events.size(), "maxEvents defaults to 20");
            first = events.stream().map(CapturedEvent::payloadAsString).toList();
            for (CapturedEvent event : events) {
                long[] step = Arrays.stream(event.payloadAsString().split(" ")).mapToLong(Long::parseLong).toArray();
                assertTrue(step[1] - step[0] >= 1 && step[1] - step[0] <= 6, event.payloadAsString());
                assertEquals(step[1] - step[0], ((List<?>) harness.extract(event, "counter.steps").getFirst()).size());
            }
        }
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, config);
             PluginHarness.OpenSource source = harness.open("")) {
            assertEquals(first, source.take(100).stream().map(CapturedEvent::payloadAsString).toList());
        }
    }

    @Test
    void badConfigAndOpenParamsAreRefusedWithTheKey() {
        PluginCallException init = assertThrows(PluginCallException.class,
                () -> PluginHarness.init(CounterPlugin.class, "{\"jitter\": -1}"));
        assertTrue(init.getMessage().contains("init_config key 'jitter' must not be negative, not -1"), init.getMessage());
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "")) {
            PluginCallException open = assertThrows(PluginCallException.class, () -> harness.open("{\"max\": 3}"));
            assertTrue(open.getMessage().contains("/max: is unknown (known: start, maxEvents)"), open.getMessage());
        }
    }
}
