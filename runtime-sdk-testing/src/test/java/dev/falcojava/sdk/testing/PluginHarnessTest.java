package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.Progress;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PluginHarnessTest {

    @Test
    void sourcesEventsInBatchesUntilEndOfStream() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("3")) {
            Batch first = source.nextBatch();
            assertEquals(BatchResult.EVENTS, first.result());
            assertEquals(List.of("1", "2"), first.events().stream().map(CapturedEvent::payloadAsString).toList());
            Batch second = source.nextBatch();
            assertEquals(BatchResult.END_OF_STREAM, second.result());
            assertEquals(List.of("3"), second.events().stream().map(CapturedEvent::payloadAsString).toList());
            CapturedEvent event = second.events().getFirst();
            assertEquals(7, event.pluginId());
            assertEquals(-1L, event.timestamp());
            assertEquals(3, event.number());
        }
    }

    @Test
    void listsTheOpenParamsAsJsonAndReportsTheProgressOfTheSource() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("4")) {
            assertEquals("[{\"value\":\"2;3\",\"desc\":\"two \\\"streams\\\"\",\"separator\":\";\"},{\"value\":\"5\"}]",
                    harness.listOpenParams());
            source.nextBatch();
            assertEquals(new Progress(5_000, "2 of 4"), source.progress());
            source.take(2);
            assertEquals(new Progress(10_000, "4 of 4"), source.progress());
        }
    }

    @Test
    void extractsTypedValuesAndNoValue() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "ü-");
             PluginHarness.OpenSource source = harness.open("")) {
            List<CapturedEvent> events = source.take(5);
            assertEquals(5, events.size());
            assertEquals(Arrays.asList(3L, "ü-3", true, null),
                    harness.extract(events.get(2), "counter.n", "counter.text", "counter.odd", "counter.maybe"));
            assertEquals(Arrays.asList(40L, false, "ü-4"),
                    harness.extract(events.get(3), "counter.maybe", "counter.odd", "counter.text"));
            assertEquals("counter event ü-1", harness.eventToString(events.getFirst()));
        }
    }

    @Test
    void anExceptionInExtractBecomesAFailureWithItsMessageAndThePluginKeepsWorking() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("")) {
            CapturedEvent event = source.take(1).getFirst();
            PluginCallException failure = assertThrows(PluginCallException.class,
                    () -> harness.extract(event, "counter.n", "counter.boom"));
            assertEquals(1, failure.returnCode());
            assertTrue(failure.getMessage().contains("extracting counter.boom: boom at 1"), failure.getMessage());
            assertEquals(List.of(1L), harness.extract(event, "counter.n"));
        }
    }

    @Test
    void initFailureCarriesTheExceptionMessage() {
        PluginCallException failure = assertThrows(PluginCallException.class,
                () -> PluginHarness.init(CounterPlugin.class, "fail"));
        assertEquals("plugin_init", failure.function());
        assertTrue(failure.getMessage().contains("init: config 'fail' is refused"), failure.getMessage());
    }

    @Test
    void emptyBatchReportedAsEventsIsAFailure() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("-1")) {
            PluginCallException failure = assertThrows(PluginCallException.class, source::nextBatch);
            assertTrue(failure.getMessage().contains("returned EVENTS but added no event"), failure.getMessage());
        }
    }

    @Test
    void largeBatchesGrowTheNativeBuffer() {
        try (PluginHarness harness = PluginHarness.init(CounterPlugin.class, "x".repeat(20_000));
             PluginHarness.OpenSource source = harness.open("40")) {
            List<CapturedEvent> events = source.take(40);
            assertEquals(40, events.size());
            assertEquals("x".repeat(20_000) + "40", events.get(39).payloadAsString());
            assertEquals(List.of(39L), harness.extract(events.get(38), "counter.n"));
        }
    }
}
