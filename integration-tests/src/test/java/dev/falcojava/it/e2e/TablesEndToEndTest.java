package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables API between generated plugins and the native host: a parse and extract plugin (thr) that adds fields to
 * the host's threads table, writes them while parsing and reads them back while extracting, and exports a table of
 * its own; a second plugin (rdr, loaded with --with) that reads that table through the host with the accessors
 * generated from the tables section of its plugin.yaml. The host prints every table at the end through the same
 * vtables, so each value is checked where it is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesEndToEndTest {

    private static final Path RESOURCES = Path.of("src/test/resources/tables");

    private Path thr;
    private Path rdr;

    @BeforeAll
    void buildThePlugins() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("tables-");
        thr = build(projects, "thr", "ThrPlugin", "parse,extract");
        rdr = build(projects, "rdr", "RdrPlugin", "extract");
    }

    private static Path build(GeneratedProjects projects, String name, String className, String capabilities) throws Exception {
        return projects.newAndBuild(name, List.of("--capabilities", capabilities),
                GeneratedProjects.withPlugin(RESOURCES.resolve(name + ".yaml"), RESOURCES.resolve(className + ".java")))
                .resolve("target/lib" + name + ".so");
    }

    private NativeHost.Run host(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--cycles", "1", "--feed-source", "syscall", "--feed-type", "1"));
        all.addAll(List.of(arguments));
        NativeHost.Run run = NativeHost.run(thr, Map.of(), all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.describe());
        return run;
    }

    @Test
    void atInitThePluginSeesTheRegistryFieldsAndEveryRefusalWithTheHostsReason() throws Exception {
        NativeHost.Run run = host("--feed", "0", "--thread-entries", "2");
        assertThat(run.stdout())
                .contains("""
                log 6 -: tables: threads(int64)
                log 6 -: threads fields: tid:int64,pid:int64,ptid:int64,comm:string,exe:string,uid:uint32,exe_writable:bool,cwd:string(read-only),file_descriptors:table(read-only)
                log 6 -: adding thr_seen again gives the same field: thr_seen
                log 6 -: comm as uint64 refused: table threads: looking up field comm of type uint64 failed: field comm of table threads is of type string, not uint64
                log 6 -: an unknown field refused: table threads: looking up field nope of type int64 failed: table threads has no field nope
                log 6 -: adding the host's pid refused: table threads: adding field pid of type int64 failed: field pid of table threads is defined by the host and cannot be added
                log 6 -: adding thr_seen as a string refused: table threads: adding field thr_seen of type string failed: field thr_seen of table threads was added with type uint64, not string
                log 6 -: entry 99: none
                log 6 -: entry 1001: comm proc1001, cwd /home/user1, uid 0, exe_writable false, thr_seen 0, thr_label ''
                log 6 -: writing the read-only cwd refused: table threads: writing field cwd failed: field cwd of table threads is read-only
                """);
    }

    @Test
    void entriesAreAddedErasedAndIteratedAsTheHostKeepsThem() throws Exception {
        NativeHost.Run run = host("--feed", "0", "--thread-entries", "2", "--dump-tables", "threads");
        assertThat(run.stdout())
                .contains("""
                log 6 -: added 4242: size 3, comm added
                log 6 -: erased 4242: size 2, entry none
                log 6 -: erasing 4242 again refused: table threads: erasing the entry of key 4242 failed: table threads has no entry with key 4242 to erase
                log 6 -: iterated [1001, 1002], complete true
                log 6 -: stopped after [1001, 1002]: true
                log 6 -: a visitor's exception comes back: visitor failure
                log 6 -: a second table named threads refused: the host refused to add table threads: add_table threads: a table of that name is already registered
                log 6 -: an unknown table refused: the host has no table nope (it has: threads, thr_sessions)
                log 6 -: threads with uint64 keys refused: table threads has keys of type int64, not uint64
                log 6 -: refused: value 300 does not fit field small of table thr_sessions (uint8)
                """);
        assertThat(run.stdout()).as(() -> "the entry added and erased at init is gone, the added fields are unset: " + run.stdout())
                .contains("""
                table threads key=int64 size=2 fields=tid:int64,pid:int64,ptid:int64,comm:string,exe:string,uid:uint32,exe_writable:bool,cwd:string(read-only),file_descriptors:table(read-only),thr_seen:uint64,thr_label:string
                  tid=1001 pid=1001 ptid=1 comm="proc1001" exe="/usr/bin/proc1001" uid=0 exe_writable=false cwd="/home/user1" file_descriptors=[] thr_seen=0 thr_label=""
                  tid=1002 pid=1002 ptid=1 comm="proc1002" exe="/usr/bin/proc1002" uid=1000 exe_writable=false cwd="/home/user2" file_descriptors=[] thr_seen=0 thr_label=""
                """);
    }

    @Test
    void parsingWritesTheAddedFieldsAndExtractionReadsThemBackAMissingThreadHasNoValue() throws Exception {
        NativeHost.Run run = host("--feed", "3", "--thread-entries", "2", "--fields",
                "thr.comm,thr.seen,thr.uid,thr.writable,thr.label", "--dump-tables", "threads");
        assertThat(run.stdout())
                .contains("""
                event 2 source=syscall type=1 len=51
                  parsed
                  thr.comm = "proc1002"
                  thr.seen = 1
                  thr.uid = 1000
                  thr.writable = false
                  thr.label = "parsed event 2"
                event 3 source=syscall type=1 len=51
                log 6 -: event 3: no thread 1003
                  parsed
                  thr.comm = <none>
                  thr.seen = <none>
                  thr.uid = <none>
                  thr.writable = <none>
                  thr.label = <none>
                """);
        assertThat(run.stdout())
                .contains("""
                  tid=1001 pid=1001 ptid=1 comm="proc1001" exe="/usr/bin/proc1001" uid=0 exe_writable=false cwd="/home/user1" file_descriptors=[] thr_seen=1 thr_label="parsed event 1"
                  tid=1002 pid=1002 ptid=1 comm="proc1002" exe="/usr/bin/proc1002" uid=1000 exe_writable=false cwd="/home/user2" file_descriptors=[] thr_seen=1 thr_label="parsed event 2"
                """);
    }

    @Test
    void theHostsTableKeepsThePluginsFieldsAcrossPluginRestarts() throws Exception {
        NativeHost.Run run = host("--cycles", "3", "--feed", "1", "--thread-entries", "1", "--fields", "thr.seen");
        assertThat(run.stdout()).contains("cycle 3\n");
        assertThat(run.stdout()).as(() -> "each cycle's plugin adds the same field and counts on: " + run.stdout())
                .contains("  thr.seen = 3\n");
    }

    @Test
    void writingDuringExtractionIsRefusedByTheSdkBeforeTheHostSeesIt() throws Exception {
        NativeHost.Run run = host("--feed", "1", "--thread-entries", "1", "--fields", "thr.write", "--allow-extract-failure");
        assertThat(run.stdout())
                .contains("  extract failed: extracting thr.write: table threads: writing field thr_label is not"
                + " possible during extract_fields, whose input has a table reader only: write tables in parse_event");
    }

    @Test
    void aTableExportedByOnePluginIsReadAndExtendedByAnother() throws Exception {
        NativeHost.Run run = host("--feed", "3", "--thread-entries", "2", "--fields", "thr.comm", "--with", rdr.toString(),
                "--dump-tables", "thr_sessions");
        assertThat(run.stdout())
                .contains("with log 6 -: thr_sessions fields: count:uint64,comm:string,small:uint8,rdr_note:string, size 0\n");
        assertThat(run.stdout())
                .contains("""
                event 3 source=syscall type=1 len=51
                log 6 -: event 3: no thread 1003
                  parsed
                  thr.comm = <none>
                  with rdr.count = 1
                  with rdr.comm = "?"
                  with rdr.small = 3
                  with rdr.note = ""
                """);
        assertThat(run.stdout())
                .contains("""
                table thr_sessions key=uint64 size=3 fields=count:uint64,comm:string,small:uint8,rdr_note:string
                  count=1 comm="proc1001" small=1 rdr_note=""
                  count=1 comm="proc1002" small=2 rdr_note=""
                  count=1 comm="?" small=3 rdr_note=""
                """);
    }

    @Test
    void initFailsNamingTheMissingTableWhenTheOwnerIsNotLoaded() throws Exception {
        NativeHost.Run run = NativeHost.run(rdr, Map.of(), "--cycles", "1", "--feed", "1", "--feed-source", "syscall");
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe)
                .contains("FAIL: could not initialize plugin: init: the host has no table thr_sessions"
                + " (it has: threads");
    }
}
