package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nested tables through the real bridge against the harness's host tables: the plugin reads and writes the
 * host's threads -> file_descriptors through its typed handles, and exports a table of its own with a nested table,
 * which the host reads through the same vtables.
 */
class NestedTablesHarnessTest {

    private static long number;

    private static CapturedEvent event(String payload, long tid) {
        return new CapturedEvent(++number, 1, 999, payload.getBytes(StandardCharsets.UTF_8)).withThreadId(tid);
    }

    private static void threadWithFd(HostTables host, long tid, long fd, String name) {
        Table threads = host.threads();
        Entry thread = threads.add(tid);
        thread.set(threads.field("comm", FieldKind.STRING), "app");
        SubtableField fds = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
        Entry entry = thread.get(fds).add(fd);
        entry.set(fds.field("name", FieldKind.STRING), name);
        entry.set(fds.field("fd", FieldKind.INT64), fd);
    }

    @Test
    void aPluginReadsWritesAndIteratesTheHostsFdTablesAndExportsANestedTable() {
        try (PluginHarness harness = PluginHarness.init(FdTablePlugin.class, "", host -> {
            threadWithFd(host, 42, 0, "/dev/null");
            host.threads().add(43);
        })) {
            harness.parse(event("open 4 /var/log/app.log", 42));
            harness.parse(event("write 4 100", 42));
            harness.parse(event("write 4 28", 42));
            harness.parse(event("open 3 /var/log/app.log", 43));
            harness.parse(event("write 3 7", 43));
            assertEquals(List.of(128L, 2L, "/var/log/app.log", "/dev/null"),
                    harness.extract(event("x", 42), "fdt.written", "fdt.open", "fdt.name[4]", "fdt.name[0]"));
            assertEquals(Arrays.asList(7L, 1L, null), harness.extract(event("x", 43), "fdt.written", "fdt.open", "fdt.name[4]"));

            List<Map<String, Object>> threads = harness.hostTables().rows("threads");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fds = (List<Map<String, Object>>) threads.getFirst().get("file_descriptors");
            assertEquals(List.of("/dev/null", "/var/log/app.log"), fds.stream().map(fd -> fd.get("name")).toList());
            assertEquals(List.of(0L, 128L), fds.stream().map(fd -> fd.get("fdt_written")).toList(),
                    "the field the plugin added to the sub-tables is in every one of them");
            assertEquals(List.of(Map.of("writers", List.of(Map.of("bytes", 128L), Map.of("bytes", 7L)))),
                    harness.hostTables().rows("fdt_files"), "the host reads the plugin's nested table through its vtables");

            harness.parse(event("close 4", 42));
            assertEquals(List.of(0L, 1L), harness.extract(event("x", 42), "fdt.written", "fdt.open"));
            Table hostFds = harness.hostTables().threads().get(42)
                    .get(harness.hostTables().threads().field("file_descriptors", FieldKind.table(StateType.INT64)));
            assertEquals(1, hostFds.size());
            assertEquals(null, hostFds.get(4), "the erase reached the host's sub-table");
        }
    }

    @Test
    void theHostsFdTableFieldIsReadOnlyAndItsSubTablesCannotNestFurther() {
        try (PluginHarness harness = PluginHarness.init(FdTablePlugin.class, "", host -> { })) {
            Table threads = harness.hostTables().threads();
            assertTrue(threads.fields().stream().anyMatch(f -> f.name().equals("file_descriptors") && f.readOnly()
                    && f.type() == StateType.TABLE), threads.fields().toString());
            SubtableField fds = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
            assertEquals(TableRegistry.FD_FIELDS.keySet().stream().toList(),
                    fds.fields().stream().map(f -> f.name()).limit(TableRegistry.FD_FIELDS.size()).toList());
            Exception nested = assertThrows(RuntimeException.class, () -> fds.addField("deeper", FieldKind.table(StateType.INT64)));
            assertTrue(nested.getMessage().contains("one level of nesting"), nested.getMessage());
            Exception wrongKey = assertThrows(RuntimeException.class, () -> threads.field("file_descriptors", FieldKind.table(StateType.STRING)));
            assertTrue(wrongKey.getMessage().contains("is of type table (int64 keys), not table (string keys)"), wrongKey.getMessage());
        }
    }
}
