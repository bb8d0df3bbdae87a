package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.Table;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tables API through the real bridge, against the harness's Java host tables. */
class TablesHarnessTest {

    private static CapturedEvent event(long number, String payload, long tid) {
        return new CapturedEvent(number, 1, 999, payload.getBytes(StandardCharsets.UTF_8)).withThreadId(tid);
    }

    private static void thread(HostTables host, long tid, String command) {
        Table threads = host.threads();
        Entry entry = threads.add(tid);
        entry.set(threads.field("tid", FieldKind.INT64), tid);
        entry.set(threads.field("comm", FieldKind.STRING), command);
    }

    @Test
    void parsingWritesTheHostsTableAndThePluginsOwnAndExtractionReadsThemBack() {
        try (PluginHarness harness = PluginHarness.init(ThreadCountPlugin.class, "", host -> {
            thread(host, 1, "bash");
            thread(host, 2, "sshd");
            thread(host, 3, "bash");
        })) {
            for (long tid : new long[] {1, 3, 1, 2, 9}) {
                harness.parse(event(tid, "e", tid));
            }
            assertEquals(List.of(2L, "bash", 3L), harness.extract(event(6, "e", 1), "tc.count", "tc.comm", "tc.by_comm"));
            assertEquals(List.of(1L, "sshd", 1L), harness.extract(event(7, "e", 2), "tc.count", "tc.comm", "tc.by_comm"));
            assertEquals(Arrays.asList(null, null), harness.extract(event(8, "e", 9), "tc.count", "tc.comm"),
                    "a thread the host does not have has no value");
            assertEquals(List.of("threads", "tc_by_comm"), harness.hostTables().names());
            assertEquals(List.of(Map.of("events", 3L), Map.of("events", 1L)), harness.hostTables().rows("tc_by_comm"));
            List<Map<String, Object>> threads = harness.hostTables().rows("threads");
            assertEquals(List.of(2L, 1L, 1L), threads.stream().map(row -> row.get("tc_count")).toList());
            assertEquals("", threads.getFirst().get("cwd"), "an unset string reads as empty");
        }
    }

    @Test
    void writingDuringExtractionFailsTheCallWithTheRuleAndTheHostKeepsItsValue() {
        try (PluginHarness harness = PluginHarness.init(ThreadCountPlugin.class, "", host -> thread(host, 1, "bash"))) {
            harness.parse(event(1, "e", 1));
            PluginCallException failure = assertThrows(PluginCallException.class,
                    () -> harness.extract(event(2, "write", 1), "tc.count"));
            assertTrue(failure.getMessage().contains("table threads: writing field tc_count is not possible during"
                    + " extract_fields, whose input has a table reader only: write tables in parse_event"), failure.getMessage());
            assertEquals(List.of(1L), harness.extract(event(3, "e", 1), "tc.count"));
        }
    }

    @Test
    void aPluginWithoutParseOrExtractGetsNoTablesAndASentenceSayingWhy() {
        try (PluginHarness harness = PluginHarness.init(NoTablesPlugin.class, "")) {
            assertEquals(List.of(
                    new LogRecord(null, "tables available: false", 6),
                    new LogRecord(null, "the host gave this plugin no tables: it does so only for plugins with event"
                            + " parsing or field extraction", 6)), harness.logLines());
        }
    }

    @Test
    void captureListeningWritesTablesWhenTheCaptureOpensAndCloses() {
        try (PluginHarness harness = PluginHarness.init(CaptureTablesPlugin.class, "", host -> {
            thread(host, 1, "bash");
            thread(host, 2, "sshd");
        })) {
            harness.captureOpen();
            assertEquals(List.of(true, true), harness.hostTables().rows("threads").stream().map(row -> row.get("captured")).toList());
            harness.captureClose();
            assertEquals(List.of(false, false), harness.hostTables().rows("threads").stream().map(row -> row.get("captured")).toList());
        }
    }

    @Test
    void aMissingHostTableFailsInitNamingTheTablesThereAre() {
        PluginCallException failure = assertThrows(PluginCallException.class,
                () -> PluginHarness.init(ThreadCountPlugin.class, "processes").close());
        assertTrue(failure.getMessage().contains("init: the host has no table processes (it has: threads)"),
                failure.getMessage());
    }
}
