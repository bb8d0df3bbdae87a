package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example plugins of examples/, copied as a user would clone them, built with their tests, run in the host. */
class ExamplesEndToEndTest {

    private static final Path EXAMPLES = Path.of("../examples");

    private static Path build(String example) throws Exception {
        GeneratedProjects projects = new GeneratedProjects("example-");
        Path project = projects.work().resolve(example);
        copy(EXAMPLES.resolve(example), project);
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
}
