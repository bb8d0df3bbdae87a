package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nested tables between a generated plugin and the native host: fdstate (parse and extract) keeps per-fd state in the
 * file_descriptors sub-table of the event's thread from typed openat, write and close events built by the host's
 * syscall encoder, and extracts it back; the host prints the sub-tables at the end through the same vtables.
 */
class NestedTablesEndToEndTest {

    private static final String OPEN_PASSWD = "307 FD=7 FD=-100 FSRELPATH=/etc/passwd FLAGS32=1 UINT32=0 UINT32=2049 UINT64=131";
    private static final String OPEN_LOG = "307 FD=4 FD=-100 FSRELPATH=/var/log/app.log FLAGS32=2 UINT32=420 UINT32=64768 UINT64=9001";

    private static GeneratedProjects projects;
    private static Path library;

    @BeforeAll
    static void build() throws Exception {
        projects = new GeneratedProjects("nested-");
        library = projects.libraryOf("fdstate", "parse,extract", Path.of("src/test/resources/nested"), "FdstatePlugin.java");
    }

    private static NativeHost.Run run(List<String> lines) throws Exception {
        return run(lines, "fdstate.fds,fdstate.written", "--dump-tables", "threads");
    }

    private static NativeHost.Run run(List<String> lines, String fields, String... options) throws Exception {
        Path events = projects.syscallEvents(lines);
        List<String> arguments = new ArrayList<>(List.of("--cycles", "1", "--thread-entries", "2", "--syscall-events",
                events.toString(), "--fields", fields));
        arguments.addAll(List.of(options));
        NativeHost.Run run = NativeHost.run(library, Map.of(), arguments.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.describe());
        return run;
    }

    @Test
    void initResolvesTheSubtableFieldsAndTheHostRefusesWhatLibsinspRefuses() throws Exception {
        NativeHost.Run run = run(List.of());
        assertThat(run.stdout()).contains("""
                log 6 -: fd fields: type:uint8,open_flags:uint32,name:string,name_raw:string,old_name:string,flags:uint32,dev:uint32,mount_id:uint32,ino:uint64,pid:int64,fd:int64,fdstate_written:uint64
                log 6 -: fd as a string: sub-table file_descriptors of table threads: looking up field fd of type string failed: field fd of table file_descriptors is of type int64, not string
                log 6 -: adding the host's name: sub-table file_descriptors of table threads: adding field name of type string failed: field name of table file_descriptors is defined by the host and cannot be added
                log 6 -: adding a table-typed field: table threads: adding field more_fds failed: fields of type table cannot be added to a host's table
                """);
    }

    @Test
    void parsingKeepsPerFdStateInTheThreadsSubtablesAndTheHostReadsThePluginsOwnNestedTable() throws Exception {
        NativeHost.Run run = run(List.of(
                "tid=1001 " + OPEN_PASSWD,
                "tid=1001 9 ERRNO=5 BYTEBUF=68656c6c6f FD=7 UINT32=5",
                "tid=1001 " + OPEN_LOG,
                "tid=1001 9 ERRNO=3 BYTEBUF=616263 FD=7 UINT32=3",
                "tid=1002 " + OPEN_LOG,
                "tid=1001 9 ERRNO=-9 BYTEBUF=61 FD=4 UINT32=1",
                "tid=1001 5 ERRNO=0 FD=7",
                "tid=1001 9 ERRNO=2 BYTEBUF=6869 FD=4 UINT32=2"), "fdstate.fds,fdstate.written", "--dump-tables",
                "threads,fdstate_files");
        assertThat(run.stdout()).as(run::describe).contains("""
                table fdstate_files key=string size=1 fields=path:string,writers:table(read-only)
                  path="/etc/passwd" writers=[{tid=1001 bytes=8}]
                """);
        assertThat(run.stdout()).contains("""
                event 2 source=syscall type=9 len=""", """
                  parsed
                  fdstate.fds = "7=/etc/passwd:5"
                  fdstate.written = 5
                """, """
                  parsed
                  fdstate.fds = "4=/var/log/app.log:0,7=/etc/passwd:8"
                  fdstate.written = 8
                """, """
                  parsed
                  fdstate.fds = "4=/var/log/app.log:0"
                  fdstate.written = <none>
                """, """
                  parsed
                  fdstate.fds = "4=/var/log/app.log:2"
                  fdstate.written = 2
                """);
        assertThat(run.stdout()).as(run::describe).contains("""
                  tid=1001 pid=1001 ptid=1 comm="proc1001" exe="/usr/bin/proc1001" uid=0 exe_writable=false cwd="/home/user1" file_descriptors=[{type=0 open_flags=2 name="/var/log/app.log" name_raw="" old_name="" flags=0 dev=64768 mount_id=0 ino=9001 pid=0 fd=4 fdstate_written=2}]
                  tid=1002 pid=1002 ptid=1 comm="proc1002" exe="/usr/bin/proc1002" uid=1000 exe_writable=false cwd="/home/user2" file_descriptors=[{type=0 open_flags=2 name="/var/log/app.log" name_raw="" old_name="" flags=0 dev=64768 mount_id=0 ino=9001 pid=0 fd=4 fdstate_written=0}]
                """);
    }

    @Test
    void theNestedReadAndWritePathAllocatesNothingPerEvent() throws Exception {
        int events = 60_000;
        List<String> lines = new ArrayList<>(List.of("tid=1001 " + OPEN_PASSWD));
        for (int i = 0; i < events; i++) {
            lines.add("tid=1001 9 ERRNO=1 BYTEBUF=61 FD=7 UINT32=1");
        }
        NativeHost.Run run = run(lines, "fdstate.written,fdstate.allocated");
        Matcher samples = Pattern.compile("  fdstate.written = (\\d+)\n  fdstate.allocated = (\\d+)\n").matcher(run.stdout());
        List<long[]> values = samples.results().map(m -> new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}).toList();
        assertEquals(events, values.size(), "one sample per write event");
        assertEquals(events, values.getLast()[0], "every write was counted in the fd's sub-table entry");
        long[] warm = values.get(events - 20_001);
        long[] last = values.getLast();
        long bytes = last[1] - warm[1];
        assertTrue(bytes < 16 * 1024, bytes + " bytes allocated over 20000 events after warm-up (each event: parse with a thread"
                + " lookup, its sub-table, an fd lookup, a read and a write; three extractions with the same reads). One object"
                + " per event would be 320,000 bytes or more (16 bytes each); the bound leaves room for the JIT's own rare"
                + " allocations (a recompilation's deoptimization), which are not per event");
    }

    /** A project made by the CLI whose tables have a field of type table keeps its starter unit test, which passes. */
    @Test
    void theStarterTestOfAPluginWithNestedTablesPassesInTheHarness() throws Exception {
        Path project = projects.newAndBuild("nestedstarter", List.of("--capabilities", "parse,extract"), dir -> {
            Path descriptor = dir.resolve("plugin.yaml");
            Files.writeString(descriptor, Files.readString(descriptor) + """
                    tables:
                      - name: threads
                        key: int64
                        fields:
                          - name: comm
                            type: string
                          - name: file_descriptors
                            type: table
                            key: int64
                            fields:
                              - name: name
                                type: string
                              - name: nestedstarter_bytes
                                type: uint64
                                add: true
                                description: Bytes seen on the fd
                    """);
        });
        Path report = project.resolve("target/surefire-reports/TEST-com.example.nestedstarter.NestedstarterPluginTest.xml");
        assertTrue(Files.exists(report), "the starter test ran: " + report);
        assertThat(Files.readString(report)).contains("failures=\"0\"").contains("errors=\"0\"").doesNotContain("tests=\"0\"");
    }
}
