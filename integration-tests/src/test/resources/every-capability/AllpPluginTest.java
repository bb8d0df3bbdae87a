package com.example.allp;

import dev.falcojava.sdk.api.IpNetwork;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.testing.AsyncEventRecord;
import dev.falcojava.sdk.testing.CapturedEvent;
import dev.falcojava.sdk.testing.FalcoPluginTest;
import dev.falcojava.sdk.testing.LogRecord;
import dev.falcojava.sdk.testing.PluginCallException;
import dev.falcojava.sdk.testing.PluginHarness;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every capability of AllpPlugin through the test harness, as the plugin's own build runs it. */
@FalcoPluginTest(value = AllpPlugin.class, openParams = "max=4")
class AllpPluginTest {

    @Test
    void everyFieldTypeScalarAndListWithAndWithoutArguments(PluginHarness harness, PluginHarness.OpenSource source)
            throws Exception {
        CapturedEvent second = source.take(4).get(1);
        List<Object> values = harness.extract(second, "allp.count", "allp.message", "allp.even", "allp.age", "allp.at",
                "allp.ip", "allp.net", "allp.words", "allp.numbers", "allp.word[1]", "allp.label[k1]", "allp.label",
                "allp.flags", "allp.ages", "allp.ats", "allp.ips", "allp.nets", "allp.nth", "allp.nth[10]",
                "allp.host[local]", "allp.host[six]", "allp.parsed");
        assertEquals(List.of(2L, "allp event 2", true, 1_500_000_002L, 1_700_000_000_000_000_002L,
                InetAddress.getByName("192.168.0.2"), new IpNetwork(InetAddress.getByName("2001:db8::2")),
                List.of("allp", "event", "2"), List.of(2L, 4L), "event", "key k1", "no key",
                List.of(true, false), List.of(2L, 1_000_000_000L), List.of(2L, 1_000_000_000L),
                List.of(InetAddress.getByName("10.0.0.2"), InetAddress.getByName("fe80::1")),
                List.of(new IpNetwork(InetAddress.getByName("10.0.0.0")), new IpNetwork(InetAddress.getByName("2001:db8::"))),
                2L, 20L, InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"), 0L), values);
        assertEquals("allp event 2", harness.eventToString(second));
    }

    @Test
    void anIndexPastTheEndAnUnknownKeyAndAnEmptyListAreNoValue(PluginHarness harness, PluginHarness.OpenSource source) {
        List<CapturedEvent> events = source.take(4);
        assertEquals(Arrays.asList(null, null), harness.extract(events.get(1), "allp.word[5]", "allp.host[none]"));
        assertEquals(List.of(List.of()), harness.extract(events.get(2), "allp.numbers"));
    }

    @Test
    void aRequiredArgumentMissingFailsNamingTheField(PluginHarness harness, PluginHarness.OpenSource source) {
        CapturedEvent event = source.take(1).getFirst();
        PluginCallException failure = assertThrows(PluginCallException.class, () -> harness.extract(event, "allp.word"));
        assertTrue(failure.getMessage().contains("field allp.word requires an argument"), failure.getMessage());
    }

    @Test
    void parseCaptureMetricsOpenParamsAndProgress(PluginHarness harness, PluginHarness.OpenSource source) {
        assertEquals("[{\"value\":\"max=3\",\"desc\":\"three \\\"events\\\"\"},"
                        + "{\"value\":\"max=1;max=2\",\"desc\":\"one or two\",\"separator\":\";\"},{\"value\":\"max=0\"}]",
                harness.listOpenParams());
        List<CapturedEvent> events = source.take(4);
        PluginCallException early = assertThrows(PluginCallException.class, () -> harness.parse(events.getFirst()));
        assertTrue(early.getMessage().contains("parse_event: event 1 parsed outside a capture"), early.getMessage());
        harness.captureOpen();
        events.forEach(harness::parse);
        harness.captureClose();
        assertEquals(List.of(4L), harness.extract(events.getLast(), "allp.parsed"));
        assertEquals(new Progress(10_000, "4 of 4"), source.progress());
        assertEquals(Map.of("allp.parsed", 4L, "allp.ratio", 0.25), harness.metrics());
    }

    @Test
    void asyncEventsArriveEncodedAndStopWithTheHandler(PluginHarness harness) {
        harness.startAsync();
        harness.stopAsync();
        List<AsyncEventRecord> pushed = harness.asyncEvents();
        assertEquals(List.of("tick 1", "tick 2", "tick 3"), pushed.stream().map(AsyncEventRecord::text).toList());
        assertTrue(pushed.stream().allMatch(e -> e.name().equals("allp_tick") && e.timestamp() == -1 && e.threadId() == -1),
                pushed::toString);
    }

    @Test
    @FalcoPluginTest(value = AllpPlugin.class, config = "cfg")
    void logLinesReachTheHostWithTheirSeverityAndDebugStaysBelowTheDefaultLevel(PluginHarness harness) {
        assertEquals(List.of(new LogRecord(null, "initialized with 'cfg'", 6), new LogRecord("allp-audit", "a warning", 4)),
                harness.logLines());
    }
}
