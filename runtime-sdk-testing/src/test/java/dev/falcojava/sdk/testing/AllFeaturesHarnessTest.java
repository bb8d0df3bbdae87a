package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.IpNetwork;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllFeaturesHarnessTest {

    @Test
    void everyFieldTypeScalarAndListWithArguments() throws Exception {
        try (PluginHarness harness = PluginHarness.init(AllFeaturesPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("")) {
            CapturedEvent second = source.take(2).get(1);
            List<Object> values = harness.extract(second, "all.u64", "all.text", "all.flag", "all.age", "all.at",
                    "all.ip", "all.net", "all.words", "all.ips", "all.word[1]", "all.label[k]", "all.label");
            assertEquals(List.of(2L, "alpha beta 2", true, 1_500_000_000L, 1_700_000_000_000_000_042L,
                    InetAddress.getByName("10.1.2.3"), new IpNetwork(InetAddress.getByName("2001:db8::")),
                    List.of("alpha", "beta", "2"), List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")),
                    "beta", "key=k", "no key"), values);
            assertEquals(java.util.Arrays.asList((Object) null), harness.extract(second, "all.word[7]"));
        }
    }

    @Test
    void aRequiredArgumentMissingFailsNamingTheField() {
        try (PluginHarness harness = PluginHarness.init(AllFeaturesPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("")) {
            CapturedEvent event = source.take(1).getFirst();
            PluginCallException failure = assertThrows(PluginCallException.class, () -> harness.extract(event, "all.word"));
            assertTrue(failure.getMessage().contains("field all.word requires an argument"), failure.getMessage());
        }
    }

    @Test
    void parseCaptureMetricsOpenParamsAndProgress() {
        try (PluginHarness harness = PluginHarness.init(AllFeaturesPlugin.class, "")) {
            assertEquals("[{\"value\":\"a;b\",\"desc\":\"two \\\"things\\\"\",\"separator\":\";\"},{\"value\":\"c\"}]",
                    harness.listOpenParams());
            PluginCallException early;
            try (PluginHarness.OpenSource source = harness.open("")) {
                List<CapturedEvent> events = source.take(4);
                early = assertThrows(PluginCallException.class, () -> harness.parse(events.getFirst()));
                harness.captureOpen();
                events.forEach(harness::parse);
                harness.captureClose();
                assertEquals(List.of(4L), harness.extract(events.getLast(), "all.parsed"));
                assertEquals(new dev.falcojava.sdk.api.Progress(10_000, "4 of 4"), source.progress());
            }
            assertTrue(early.getMessage().contains("parse_event: parse before capture open"), early.getMessage());
            assertEquals(Map.of("all.parsed", 4L, "all.ratio", 0.5), harness.metrics());
        }
    }

    @Test
    void asyncEventsArriveEncodedAndStopWithTheHandler() {
        try (PluginHarness harness = PluginHarness.init(AllFeaturesPlugin.class, "")) {
            harness.startAsync();
            harness.stopAsync();
            assertEquals(List.of("tick 1", "tick 2", "tick 3"), harness.asyncEvents().stream().map(AsyncEventRecord::text).toList());
            assertTrue(harness.asyncEvents().stream().allMatch(e -> e.name().equals("tick") && e.timestamp() == -1 && e.threadId() == -1));
        }
    }

    @Test
    void logLinesReachTheHostWithTheirSeverity() {
        try (PluginHarness harness = PluginHarness.init(AllFeaturesPlugin.class, "cfg")) {
            assertEquals(List.of(new LogRecord(null, "init with cfg", 6), new LogRecord("all-warn", "careful", 4)),
                    harness.logLines());
        }
    }
}
