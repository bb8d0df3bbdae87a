package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example plugins of examples/, copied as a user would clone them, built with their tests, run in the host. */
class ExamplesEndToEndTest {

    private static final Path EXAMPLES = Path.of("../examples");

    private static Path build(String example) throws Exception {
        return build(example, project -> {
        });
    }

    /** Copies the example, lets {@code edit} change the copy, and builds it. */
    private static Path build(String example, GeneratedProjects.ProjectEdit edit) throws Exception {
        GeneratedProjects projects = new GeneratedProjects("example-");
        Path project = projects.work().resolve(example);
        copy(EXAMPLES.resolve(example), project);
        edit.apply(project);
        FalcoPluginCli.Result built = FalcoPluginCli.run(Map.of("JAVA_HOME", projects.jdk().toString()), "build", "--dir",
                project.toString());
        assertEquals(0, built.exitCode(), built.output());
        return project;
    }

    /** The example's sources only: no build output and no derived code, as in a fresh clone. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target") || relative.startsWith(Path.of("src", "generated"))) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** The example's harness test ran in its build ({@code mvn package}) and passed: every case, none skipped. */
    private static void assertHarnessTestPassed(Path report, List<String> cases) throws Exception {
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertEquals(List.of(String.valueOf(cases.size()), "0", "0", "0"), Stream.of("tests", "failures", "errors", "skipped")
                .map(suite::getAttribute).toList(), () -> "tests, failures, errors, skipped of " + report);
        NodeList ran = suite.getElementsByTagName("testcase");
        assertEquals(cases, IntStream.range(0, ran.getLength()).mapToObj(i -> ((Element) ran.item(i)).getAttribute("name"))
                .sorted().toList());
    }

    @Test
    void theCounterCountsStepsAndAnswersItsFields() throws Exception {
        Path project = build("counter");
        DistArtifacts.packageAndCheck(project, "counter", "0.1.0", false);
        NativeHost.Run run = NativeHost.run(project.resolve("target/libcounter.so"), Map.of(), "--expect-caps",
                "source,extract", "--cycles", "1", "--events", "3", "--config", "{\"jitter\": 0}", "--open-params",
                "{\"start\": 5, \"maxEvents\": 3}", "--fields", "counter.value,counter.steps,counter.divisible[3]");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("log 6 -: counting with steps of 1 to 1\n");
        assertThat(run.stdout())
                .contains("""
                event 2 len=41 payload="5 6"
                  counter.value = 6
                  counter.steps = [6]
                  counter.divisible[3] = true
                  to_string = "counter 6 (from 5)"
                """);
        assertThat(run.stdout()).contains("progress pct=10000 text=NULL\n");
    }

    @Test
    void theJsonLogReadsItsSampleAndPicksValuesByPath() throws Exception {
        Path project = build("jsonlog");
        DistArtifacts.packageAndCheck(project, "jsonlog", "0.1.0", false);
        NativeHost.Run run = NativeHost.run(project.resolve("target/libjsonlog.so"), Map.of(), "--expect-caps",
                "source,extract", "--cycles", "1", "--events", "10", "--open-params",
                project.resolve("sample/app.jsonl").toString(), "--fields",
                "jsonlog.value[user.name],jsonlog.values[tags],jsonlog.time,jsonlog.client,jsonlog.latency");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("""
                  jsonlog.value[user.name] = "bob \\"the builder\\""
                  jsonlog.values[tags] = <none>
                  jsonlog.time = 1795600801500000000
                  jsonlog.client = 2001:db8::42
                  jsonlog.latency = 250000000
                """);
        assertThat(run.stdout())
                .contains("""
                event 4 len=59 payload="this line is not JSON"
                  jsonlog.value[user.name] = <none>
                  jsonlog.values[tags] = <none>
                  jsonlog.time = <none>
                  jsonlog.client = <none>
                  jsonlog.latency = <none>
                """);
        assertThat(run.stdout()).as(() -> "the blank line is no event: " + run.stdout()).doesNotContain("event 6 ");
    }

    @Test
    void theThreadStateKeepsItsCountsInTheHostsThreadsTable() throws Exception {
        Path project = build("threadstate");
        DistArtifacts.packageAndCheck(project, "threadstate", "0.1.0", false);
        NativeHost.Run run = NativeHost.run(project.resolve("target/libthreadstate.so"), Map.of(), "--expect-caps",
                "parse,extract", "--cycles", "1", "--feed", "2", "--feed-source", "syscall", "--feed-type", "3",
                "--thread-entries", "2", "--fields", "threadstate.events,threadstate.last_arg,threadstate.comm",
                "--dump-tables", "threads");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("""
                event 2 source=syscall type=3 len=51
                  parsed
                  threadstate.events = 1
                  threadstate.last_arg = 2
                  threadstate.comm = "proc1002"
                """);
        assertThat(run.stdout()).contains("threadstate_events:uint64,threadstate_last_arg:uint64\n");
        assertThat(run.stdout())
                .contains("comm=\"proc1001\" exe=\"/usr/bin/proc1001\" uid=0 exe_writable=false "
                + "cwd=\"/home/user1\" file_descriptors=[] threadstate_events=1 threadstate_last_arg=1\n");
    }

    private static final String FDBYTES_FIELDS = "fdbytes.written,fdbytes.read,fdbytes.path,fdbytes.file_written,fdbytes.file_read";

    private static NativeHost.Run runFdbytes(Path project, List<String> events, String fields) throws Exception {
        Path file = Files.write(project.resolve("target/events-" + System.nanoTime() + ".txt"), events);
        NativeHost.Run run = NativeHost.run(project.resolve("target/libfdbytes.so"), Map.of(), "--expect-caps",
                "parse,extract", "--cycles", "1", "--thread-entries", "2", "--syscall-events", file.toString(), "--fields",
                fields, "--dump-tables", "threads,fdbytes_files");
        assertEquals(0, run.exitCode(), run.describe());
        return run;
    }

    private static String openat(long tid, int fd, String path) {
        return "tid=" + tid + " 307 FD=" + fd + " FD=-100 FSRELPATH=" + path + " FLAGS32=2 UINT32=0 UINT32=2049 UINT64=131";
    }

    @Test
    void theFdbytesRulesPassTheRulesCheckWhichKnowsItsFields() throws Exception {
        Path project = build("fdbytes");
        FalcoPluginCli.Result checked = FalcoPluginCli.run(Map.of(), "check-rules", "--dir", project.toString());
        assertEquals(0, checked.exitCode(), checked.output());
        assertThat(checked.output()).contains("fdbytes_rules.yaml: rules ok");

        Path rules = project.resolve("falco/fdbytes_rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("fdbytes.written > 65536", "fdbytes.writen > 65536"));
        FalcoPluginCli.Result misspelt = FalcoPluginCli.run(Map.of(), "check-rules", "--dir", project.toString());
        assertEquals(2, misspelt.exitCode(), misspelt.output());
        assertThat(misspelt.output()).contains("fdbytes_rules.yaml:").contains("fdbytes.writen");
    }

    /**
     * Two threads, two fds each, reads and writes of several kinds (a failed one counts nothing): the per-fd counts
     * live in the threads' file_descriptors sub-tables, the per-file totals in fdbytes_files; a close keeps the fd for
     * its own fields and the next event erases it, of the same thread or another; an open on an fd whose close was
     * missed starts it again with the new path.
     */
    @Test
    void theFdbytesCountsBytesPerFdInTheFdTablesAndPerFile() throws Exception {
        Path project = build("fdbytes");
        assertHarnessTestPassed(project.resolve("target/surefire-reports/TEST-dev.falcojava.examples.fdbytes.FdbytesPluginTest.xml"),
                List.of("aClosedFdKeepsItsValuesForTheCloseAndTheNextEventErasesIt(PluginHarness)",
                        "addsItsFourFieldsToEveryFdTable(PluginHarness)",
                        "anFdTheHostKnewBeforeIsCountedFromItsFirstWriteUnderTheHostsName(PluginHarness)",
                        "beyondMaxFilesTheFilesAreCountedPerFdOnly(PluginHarness)",
                        "countsTheBytesOfEachFdAndOfEachFile(PluginHarness)"));
        DistArtifacts.packageAndCheck(project, "fdbytes", "0.1.0", false);
        NativeHost.Run run = runFdbytes(project, List.of(
                openat(1001, 3, "/etc/app.conf"),
                "tid=1001 9 ERRNO=100 BYTEBUF=68656c6c6f FD=3 UINT32=100",
                openat(1002, 3, "/etc/app.conf"),
                "tid=1002 327 FD=5 FD=-100 FSRELPATH=/var/log/app.log FLAGS32=1 UINT32=420 FLAGS32=0 UINT32=64768 UINT64=9001",
                "tid=1002 115 ERRNO=40 BYTEBUF=61 FD=3 UINT32=40 UINT64=0",
                "tid=1001 119 ERRNO=60 BYTEBUF=61 FD=3 UINT32=60",
                "tid=1002 9 ERRNO=7 BYTEBUF=61 FD=5 UINT32=7",
                "tid=1002 7 ERRNO=3 BYTEBUF=616263 FD=5 UINT32=3",
                "tid=1001 9 ERRNO=-28 BYTEBUF=61 FD=3 UINT32=1",
                "tid=1001 5 ERRNO=0 FD=3",
                "tid=1001 7 ERRNO=-9 BYTEBUF=~ FD=3 UINT32=8",
                "tid=1002 5 ERRNO=0 FD=3",
                openat(1001, 3, "/etc/app.conf"),
                "tid=1001 9 ERRNO=1 BYTEBUF=61 FD=3 UINT32=1",
                openat(1002, 5, "/etc/other.conf"),
                "tid=1002 9 ERRNO=9 BYTEBUF=61 FD=5 UINT32=9"), FDBYTES_FIELDS);
        assertThat(run.stdout()).as(run::describe).contains("""
                event 1 source=syscall type=307 len=90
                  parsed
                event 2 source=syscall type=9 len=59
                  parsed
                  fdbytes.written = 100
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 100
                  fdbytes.file_read = 0
                event 3 source=syscall type=307 len=90
                  parsed
                event 4 source=syscall type=327 len=99
                  parsed
                event 5 source=syscall type=115 len=65
                  parsed
                  fdbytes.written = 40
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 140
                  fdbytes.file_read = 0
                event 6 source=syscall type=119 len=55
                  parsed
                  fdbytes.written = 160
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 200
                  fdbytes.file_read = 0
                event 7 source=syscall type=9 len=55
                  parsed
                  fdbytes.written = 7
                  fdbytes.read = 0
                  fdbytes.path = "/var/log/app.log"
                  fdbytes.file_written = 7
                  fdbytes.file_read = 0
                event 8 source=syscall type=7 len=57
                  parsed
                  fdbytes.written = 7
                  fdbytes.read = 3
                  fdbytes.path = "/var/log/app.log"
                  fdbytes.file_written = 7
                  fdbytes.file_read = 3
                event 9 source=syscall type=9 len=55
                  parsed
                  fdbytes.written = 160
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 200
                  fdbytes.file_read = 0
                event 10 source=syscall type=5 len=46
                  parsed
                  fdbytes.written = 160
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 200
                  fdbytes.file_read = 0
                event 11 source=syscall type=7 len=54
                  parsed
                  fdbytes.written = <none>
                  fdbytes.read = <none>
                  fdbytes.path = <none>
                  fdbytes.file_written = <none>
                  fdbytes.file_read = <none>
                event 12 source=syscall type=5 len=46
                  parsed
                  fdbytes.written = 40
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 200
                  fdbytes.file_read = 0
                event 13 source=syscall type=307 len=90
                  parsed
                event 14 source=syscall type=9 len=55
                  parsed
                  fdbytes.written = 1
                  fdbytes.read = 0
                  fdbytes.path = "/etc/app.conf"
                  fdbytes.file_written = 201
                  fdbytes.file_read = 0
                event 15 source=syscall type=307 len=92
                  parsed
                event 16 source=syscall type=9 len=55
                  parsed
                  fdbytes.written = 9
                  fdbytes.read = 0
                  fdbytes.path = "/etc/other.conf"
                  fdbytes.file_written = 9
                  fdbytes.file_read = 0
                """);
        assertThat(run.stdout()).as(run::describe).contains("""
                  tid=1001 pid=1001 ptid=1 comm="proc1001" exe="/usr/bin/proc1001" uid=0 exe_writable=false cwd="/home/user1" \
                file_descriptors=[{type=0 open_flags=0 name="/etc/app.conf" name_raw="" old_name="" flags=0 dev=0 mount_id=0 ino=0 pid=0 \
                fd=3 fdbytes_written=1 fdbytes_read=0 fdbytes_file=1 fdbytes_open=4}]
                  tid=1002 pid=1002 ptid=1 comm="proc1002" exe="/usr/bin/proc1002" uid=1000 exe_writable=false cwd="/home/user2" \
                file_descriptors=[{type=0 open_flags=0 name="/etc/other.conf" name_raw="" old_name="" flags=0 dev=0 mount_id=0 ino=0 pid=0 \
                fd=5 fdbytes_written=9 fdbytes_read=0 fdbytes_file=3 fdbytes_open=5}]
                table fdbytes_files key=string size=3 fields=path:string,number:uint64,written:uint64,read:uint64
                  path="/etc/app.conf" number=1 written=201 read=0
                  path="/var/log/app.log" number=2 written=7 read=3
                  path="/etc/other.conf" number=3 written=9 read=0
                """);
    }

    /**
     * The hot path of fdbytes allocates nothing: a copy of the example gets a probe field ({@code add-field}) whose
     * value is the number of bytes allocated on the calling thread when the event's parse began; over 20,000 reads
     * and writes after warm-up, through two fds of two threads, with their parsing and the extraction of the numeric
     * fields, it does not grow.
     */
    @Test
    void theFdbytesHotPathAllocatesNothingPerEvent() throws Exception {
        Path project = build("fdbytes", copy -> {
            FalcoPluginCli.Result added = FalcoPluginCli.run(Map.of(), "add-field", "fdbytes.allocated", "--type", "uint64",
                    "--desc", "Bytes allocated on the calling thread when the parse of the event began", "--dir",
                    copy.toString());
            assertEquals(0, added.exitCode(), added.output());
            Path plugin = copy.resolve("src/main/java/dev/falcojava/examples/fdbytes/FdbytesPlugin.java");
            String source = Files.readString(plugin);
            Map<String, String> probe = Map.of("""
                    public class FdbytesPlugin extends AbstractFdbytesPlugin {
                    """, """
                    public class FdbytesPlugin extends AbstractFdbytesPlugin {

                        private static final com.sun.management.ThreadMXBean ALLOCATIONS =
                                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                        private long allocatedAtParse;
                    """, """
                        public void parse(PluginEvent event) {
                    """, """
                        public void parse(PluginEvent event) {
                            allocatedAtParse = ALLOCATIONS.getCurrentThreadAllocatedBytes();
                    """, """
                            // TODO compute fdbytes.allocated from request.event()
                            request.noValue();
                            return 0;
                    """, """
                            return allocatedAtParse;
                    """);
            for (Map.Entry<String, String> change : probe.entrySet()) {
                assertThat(source).contains(change.getKey());
                source = source.replace(change.getKey(), change.getValue());
            }
            Files.writeString(plugin, source);
        });
        int rounds = 15_000;
        List<String> events = new ArrayList<>(List.of(openat(1001, 3, "/etc/app.conf"), openat(1002, 4, "/var/log/app.log")));
        for (int i = 0; i < rounds; i++) {
            events.add("tid=1001 9 ERRNO=2 BYTEBUF=6869 FD=3 UINT32=2");
            events.add("tid=1002 7 ERRNO=1 BYTEBUF=61 FD=4 UINT32=1");
            events.add("tid=1002 115 ERRNO=3 BYTEBUF=616263 FD=4 UINT32=3 UINT64=0");
            events.add("tid=1001 119 ERRNO=1 BYTEBUF=61 FD=3 UINT32=1");
        }
        NativeHost.Run run = runFdbytes(project, events, "fdbytes.written,fdbytes.file_written,fdbytes.allocated");
        List<long[]> samples = Pattern.compile("  fdbytes.written = (\\d+)\n  fdbytes.file_written = (\\d+)\n  fdbytes.allocated = (\\d+)\n")
                .matcher(run.stdout()).results()
                .map(m -> new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))})
                .toList();
        assertEquals(4 * rounds, samples.size(), "one sample per read and write");
        assertThat(run.stdout()).contains("path=\"/etc/app.conf\" number=1 written=" + 3 * rounds + " read=0\n",
                "path=\"/var/log/app.log\" number=2 written=" + 3 * rounds + " read=" + rounds + "\n");
        assertEquals(3 * rounds, samples.getLast()[0], "the last event, a writev on fd 3, sees every byte written to it");
        assertEquals(3 * rounds, samples.getLast()[1], "and its file's total");
        long bytes = samples.getLast()[2] - samples.get(samples.size() - 20_001)[2];
        assertTrue(bytes < 16 * 1024, bytes + " bytes allocated over 20000 events after warm-up (each: parse with a thread"
                + " lookup, its fd sub-table, an fd lookup, reads and writes of the fd's and the file's counts; four"
                + " extractions with the same reads). One object per event would be 320,000 bytes or more (16 bytes each);"
                + " the bound leaves room for the JIT's own rare allocations (a recompilation's deoptimization)");
    }
}
