package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated plugin whose own code allocates nothing, driven by the native host for millions of events (sourcing
 * and extraction): the bytes allocated on the host's thread, read by the plugin itself through a probe field at each
 * report, grow between reports only by what the probe call allocates, whatever the number of events in between: the
 * bridge allocates nothing per event.
 */
class AllocationEndToEndTest {

    private static final Pattern REPORT = Pattern.compile("soak (\\d+) events: VmRSS \\d+ KiB, (\\d+) bytes allocated on this thread");

    @Test
    void theSourceAndExtractPathsAllocateNothingPerEvent() throws Exception {
        Path library = new GeneratedProjects("alloc-").newAndBuild("alloc", List.of(), project -> {
            assertEquals(0, FalcoPluginCli.run(Map.of(), "add-field", "alloc.bytes", "--type", "uint64",
                    "--desc", "Bytes allocated so far on the calling thread", "--dir", project.toString()).exitCode());
            Path code = project.resolve("src/main/java/com/example/alloc");
            Path plugin = code.resolve("AllocPlugin.java");
            String stub = "        // TODO compute alloc.bytes from request.event()\n        request.noValue();\n        return 0;";
            String source = Files.readString(plugin);
            assertThat(source).contains(stub);
            Files.writeString(plugin, source.replace(stub, "        return ((com.sun.management.ThreadMXBean) "
                    + "java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();"));
            Path instance = code.resolve("AllocSourceInstance.java");
            Files.writeString(instance, Files.readString(instance).replace(
                    "batch.add(\"alloc event \" + next++);", "batch.add(PAYLOAD);\n            next++;").replace(
                    "    private static final int EVENTS_PER_BATCH = 4;",
                    "    private static final int EVENTS_PER_BATCH = 4;\n    private static final byte[] PAYLOAD = \"alloc event\".getBytes();"));
            Files.delete(project.resolve("src/test/java/com/example/alloc/AllocPluginTest.java"));
        }).resolve("target/liballoc.so");

        NativeHost.Run run = NativeHost.run(library, Map.of(), "--cycles", "1", "--soak", "3000000", "--open-params",
                "max=100000000", "--fields", "alloc.count,alloc.even", "--alloc-probe", "alloc.bytes");
        assertEquals(0, run.exitCode(), run.describe());
        Matcher reports = REPORT.matcher(run.stdout());
        List<long[]> samples = reports.results().map(m -> new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))})
                .toList();
        assertEquals(10, samples.size(), run.stdout());
        for (int i = 3; i < samples.size(); i++) {
            long events = samples.get(i)[0] - samples.get(i - 1)[0];
            long bytes = samples.get(i)[1] - samples.get(i - 1)[1];
            assertTrue(bytes < 1024, bytes + " bytes allocated over " + events + " events after warm-up; the probe call "
                    + "itself allocates under 1 KiB, one allocation per event would be " + events + " bytes or more:\n"
                    + run.stdout());
        }
    }
}
