package dev.falcojava.it.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native host's tables checked with a plain-C plugin: a correct one adds a field to the threads table, writes it
 * while parsing and reads it back while extracting, and reads each thread's file_descriptors sub-table; each broken
 * variant breaks a rule of the tables API and the host
 * refuses it with the rule.
 */
class HostTablesConformanceTest {

    private static final Path FIXTURE = Path.of(System.getProperty("falco.nativeSources", "src/test/native"))
            .resolve("fixtures/c_tables_plugin.c");
    private static final Path LIBRARIES = Path.of(System.getProperty("falco.buildDir", "target")).resolve("fixtures");

    private static Path fixture(String variant) throws Exception {
        String[] flags = variant.isEmpty() ? new String[0] : new String[] {"-DBROKEN_" + variant};
        return NativeHost.compileLibrary(FIXTURE, LIBRARIES.resolve("libc-tables" + variant + ".so").toAbsolutePath(), flags);
    }

    private static NativeHost.Run run(Path library, String tablesToPrint) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--cycles", "1", "--feed", "3", "--feed-source", "syscall",
                "--thread-entries", "2", "--dump-tables", tablesToPrint));
        return NativeHost.run(library, Map.of(), arguments.toArray(String[]::new));
    }

    @Test
    void aPluginFollowingTheRulesWritesWhileParsingAndReadsWhileExtracting() throws Exception {
        NativeHost.Run run = run(fixture(""), "threads");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("""
                event 2 source=syscall type=1 len=51
                  parsed
                  c.seen = 1
                event 3 source=syscall type=1 len=51
                  parsed
                  c.seen = <none>
                """);
        assertThat(run.stdout())
                .contains("""
                table threads key=int64 size=2 fields=tid:int64,pid:int64,ptid:int64,comm:string,exe:string,uid:uint32,exe_writable:bool,cwd:string(read-only),file_descriptors:table(read-only),c_seen:uint64
                  tid=1001 pid=1001 ptid=1 comm="proc1001" exe="/usr/bin/proc1001" uid=0 exe_writable=false cwd="/home/user1" file_descriptors=[] c_seen=1
                  tid=1002 pid=1002 ptid=1 comm="proc1002" exe="/usr/bin/proc1002" uid=1000 exe_writable=false cwd="/home/user2" file_descriptors=[] c_seen=1
                """);
    }

    @Test
    void entriesAPluginDoesNotReleaseAreReleasedAtTheEndOfTheCall() throws Exception {
        NativeHost.Run run = run(fixture("NO_RELEASE"), "threads");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("  c.seen = 1\n");
        assertThat(run.stdout()).contains("c_seen=1\n");
    }

    /**
     * The fd table of an erased thread lives until the fd entry the plugin holds is released, then goes with it: the
     * host built with AddressSanitizer would fail the run on any access to freed memory.
     */
    @Test
    void erasingAThreadWhileAPluginHoldsAnEntryOfItsFdTableKeepsThatTableUntilTheRelease() throws Exception {
        Path library = NativeHost.compileLibrary(FIXTURE, LIBRARIES.resolve("libc-tables-erase.so").toAbsolutePath(),
                "-DERASE_THREAD_HOLDING_FD");
        Path host = NativeHost.compileAddressSanitizedHost(LIBRARIES.resolve("falco-test-host-asan").toAbsolutePath());
        NativeHost.Run run = NativeHost.run(List.of(host.toString(), "--cycles", "1", "--feed", "3", "--feed-source", "syscall",
                "--thread-entries", "2", "--dump-tables", "threads", library.toString()), Map.of("ASAN_OPTIONS", "detect_leaks=0"));
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe).doesNotContain("AddressSanitizer");
        assertThat(run.stdout()).as(run::describe).contains("table threads key=int64 size=0 ", "\nok\n");
    }

    @Test
    void printingATableThatDoesNotExistSaysSo() throws Exception {
        NativeHost.Run run = run(fixture(""), "threads,nope");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("no table nope\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WRITE_IN_EXTRACT | FAIL: write_entry_field: the plugin wrote table threads during extract_fields, whose input has no writer vtable",
            "FIELD_AFTER_INIT | FAIL: get_table_field: the plugin used the fields vtable of table threads during parse_event; fields are only available in plugin_init",
            "DOUBLE_RELEASE | FAIL: the plugin released an entry of table threads that it did not get, or released it twice",
            "STALE_SUBTABLE | FAIL: get_table_size: the plugin used a sub-table after the end of the call that read it: a sub-table is valid until then"})
    void aBrokenRuleIsRefusedWithTheRule(String variant, String reason) throws Exception {
        NativeHost.Run run = run(fixture(variant), "threads");
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe).contains(reason);
    }
}
