package dev.falcojava.examples.fdbytes;

import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.testing.FalcoPluginTest;
import dev.falcojava.sdk.testing.LogRecord;
import dev.falcojava.sdk.testing.PluginHarness;
import dev.falcojava.sdk.testing.SyscallEventBuilder;
import dev.falcojava.sdk.testing.SyscallEventRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Drives the plugin through the same native bridge Falco uses, with system call events laid out as the driver lays
 * them out: the plugin keeps its per-fd counts in the harness's threads -> file_descriptors tables and its per-file
 * totals in its own table, and its fields read both back.
 */
@FalcoPluginTest(FdbytesPlugin.class)
class FdbytesPluginTest {

    private static final String[] FIELDS = {"fdbytes.written", "fdbytes.read", "fdbytes.path", "fdbytes.file_written",
            "fdbytes.file_read"};
    private static final List<Object> NO_VALUES = Arrays.asList(null, null, null, null, null);

    @BeforeEach
    void twoThreads(PluginHarness harness) {
        Table threads = harness.hostTables().threads();
        for (long tid : new long[] {1001, 1002}) {
            threads.add(tid).set(threads.field("tid", FieldKind.INT64), tid);
        }
    }

    /** openat_x: fd, dirfd, name, flags, mode, dev, ino. */
    private static SyscallEventRecord openat(long tid, long fd, String path) {
        return SyscallEventBuilder.of("openat_x").threadId(tid)
                .int64(fd).int64(-100).string(path).int32(2).int32(0).int32(2049).int64(131).build();
    }

    /** write_x or read_x: res, data, fd, size. */
    private static SyscallEventRecord transfer(String type, long tid, long fd, long res) {
        return SyscallEventBuilder.of(type).threadId(tid)
                .int64(res).bytes(new byte[] {'a'}).int64(fd).int32((int) Math.max(res, 1)).build();
    }

    private static SyscallEventRecord write(long tid, long fd, long res) {
        return transfer("write_x", tid, fd, res);
    }

    private static SyscallEventRecord read(long tid, long fd, long res) {
        return transfer("read_x", tid, fd, res);
    }

    /** close_x: res, fd. */
    private static SyscallEventRecord close(long tid, long fd) {
        return SyscallEventBuilder.of("close_x").threadId(tid).int64(0).int64(fd).build();
    }

    private static List<Map<String, Object>> fds(PluginHarness harness, long tid) {
        Map<String, Object> thread = harness.hostTables().rows("threads").stream()
                .filter(row -> row.get("tid").equals(tid)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fds = (List<Map<String, Object>>) thread.get("file_descriptors");
        return fds;
    }

    /** The fields of an fd entry the plugin adds or sets, as the host reads them. */
    private static Map<String, Object> counts(Map<String, Object> fd) {
        return Map.of("fd", fd.get("fd"), "name", fd.get("name"), "fdbytes_written", fd.get("fdbytes_written"),
                "fdbytes_read", fd.get("fdbytes_read"), "fdbytes_file", fd.get("fdbytes_file"),
                "fdbytes_open", fd.get("fdbytes_open"));
    }

    @Test
    void countsTheBytesOfEachFdAndOfEachFile(PluginHarness harness) {
        harness.parse(openat(1001, 3, "/etc/app.conf"));
        SyscallEventRecord first = write(1001, 3, 100);
        harness.parse(first);
        assertEquals(List.of(100L, 0L, "/etc/app.conf", 100L, 0L), harness.extract(first, FIELDS));

        harness.parse(openat(1002, 3, "/etc/app.conf"));
        SyscallEventRecord other = write(1002, 3, 40);
        harness.parse(other);
        assertEquals(List.of(40L, 0L, "/etc/app.conf", 140L, 0L), harness.extract(other, FIELDS),
                "the same fd number of another thread is another fd, of the same file");

        SyscallEventRecord reading = read(1002, 3, 3);
        harness.parse(reading);
        assertEquals(List.of(40L, 3L, "/etc/app.conf", 140L, 3L), harness.extract(reading, FIELDS));

        SyscallEventRecord failed = write(1001, 3, -28);
        harness.parse(failed);
        assertEquals(List.of(100L, 0L, "/etc/app.conf", 140L, 3L), harness.extract(failed, FIELDS),
                "a failed write counts nothing");

        assertEquals(List.of(Map.of("fd", 3L, "name", "/etc/app.conf", "fdbytes_written", 100L, "fdbytes_read", 0L,
                "fdbytes_file", 1L, "fdbytes_open", 1L)), fds(harness, 1001L).stream().map(FdbytesPluginTest::counts).toList());
        assertEquals(List.of(Map.of("path", "/etc/app.conf", "number", 1L, "written", 140L, "read", 3L)),
                harness.hostTables().rows(FdbytesPlugin.FILES_TABLE));
    }

    @Test
    void aClosedFdKeepsItsValuesForTheCloseAndTheNextEventErasesIt(PluginHarness harness) {
        harness.parse(openat(1001, 4, "/var/log/app.log"));
        harness.parse(write(1001, 4, 7));
        SyscallEventRecord closing = close(1001, 4);
        harness.parse(closing);
        assertEquals(List.of(7L, 0L, "/var/log/app.log", 7L, 0L), harness.extract(closing, FIELDS));
        assertEquals(1, fds(harness, 1001L).size());

        SyscallEventRecord late = write(1002, 4, 5);
        harness.parse(late);
        assertEquals(List.of(), fds(harness, 1001L), "the event after the close erased the fd, though of another thread");
        SyscallEventRecord afterClose = write(1001, 4, 5);
        harness.parse(afterClose);
        assertEquals(NO_VALUES, harness.extract(afterClose, FIELDS), "an fd the plugin does not know gives no value");
        assertEquals(List.of(Map.of("path", "/var/log/app.log", "number", 1L, "written", 7L, "read", 0L)),
                harness.hostTables().rows(FdbytesPlugin.FILES_TABLE));
    }

    @Test
    void anFdTheHostKnewBeforeIsCountedFromItsFirstWriteUnderTheHostsName(PluginHarness harness) {
        Table threads = harness.hostTables().threads();
        SubtableField fdTable = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
        Table fds = threads.get(1001).get(fdTable);
        for (Object[] known : new Object[][] {{9L, "/etc/hosts"}, {10L, "127.0.0.1:5000->127.0.0.1:80"}}) {
            Entry fd = fds.add((long) known[0]);
            fd.set(fdTable.field("fd", FieldKind.INT64), (long) known[0]);
            fd.set(fdTable.field("name", FieldKind.STRING), (String) known[1]);
        }
        SyscallEventRecord file = write(1001, 9, 10);
        harness.parse(file);
        assertEquals(List.of(10L, 0L, "/etc/hosts", 10L, 0L), harness.extract(file, FIELDS));
        SyscallEventRecord socket = write(1001, 10, 20);
        harness.parse(socket);
        assertEquals(Arrays.asList(20L, 0L, "127.0.0.1:5000->127.0.0.1:80", null, null), harness.extract(socket, FIELDS),
                "a name that is no path is counted per fd only");
    }

    @Test
    void addsItsFourFieldsToEveryFdTable(PluginHarness harness) {
        SubtableField fdTable = harness.hostTables().threads().field("file_descriptors", FieldKind.table(StateType.INT64));
        assertEquals(List.of("fdbytes_written:UINT64", "fdbytes_read:UINT64", "fdbytes_file:UINT64", "fdbytes_open:UINT64"),
                fdTable.fields().stream().filter(field -> field.name().startsWith("fdbytes_"))
                        .map(field -> field.name() + ":" + field.type()).toList());
        assertEquals(List.of("threads", FdbytesPlugin.FILES_TABLE), harness.hostTables().names());
    }

    @Test
    @FalcoPluginTest(value = FdbytesPlugin.class, config = "{\"max-files\": 1}")
    void beyondMaxFilesTheFilesAreCountedPerFdOnly(PluginHarness harness) {
        harness.parse(openat(1001, 3, "/etc/a.conf"));
        harness.parse(openat(1001, 4, "/etc/b.conf"));
        SyscallEventRecord second = write(1001, 4, 9);
        harness.parse(second);
        assertEquals(Arrays.asList(9L, 0L, "/etc/b.conf", null, null), harness.extract(second, FIELDS));
        assertEquals(List.of("/etc/a.conf"), harness.hostTables().rows(FdbytesPlugin.FILES_TABLE).stream()
                .map(row -> row.get("path")).toList());
        assertEquals(List.of(new LogRecord(null, "max-files (1) reached: the files opened from now on are counted per fd only", 4)),
                harness.logLines().stream().filter(line -> line.severity() == 4).toList());
    }
}
