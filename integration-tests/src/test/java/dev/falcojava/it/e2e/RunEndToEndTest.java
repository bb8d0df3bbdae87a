package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code falco-plugin run} on C plugins: a source idle before its events (timeouts), Ctrl-C, the default fields, and
 * failed extractions.
 */
class RunEndToEndTest {

    private static final Path FIXTURES = Path.of(System.getProperty("falco.nativeSources", "src/test/native")).resolve("fixtures");
    private static final Path BUILD = Path.of(System.getProperty("falco.buildDir", "target")).resolve("run").toAbsolutePath();

    private static Path idle;
    private static Path dummy;

    @BeforeAll
    static void compileFixtures() throws Exception {
        idle = NativeHost.compileLibrary(FIXTURES.resolve("c_idle_plugin.c"), BUILD.resolve("libc-idle.so"));
        dummy = NativeHost.compileLibrary(FIXTURES.resolve("c_dummy_plugin.c"), BUILD.resolve("libc-dummy.so"));
    }

    private static long eventLines(String output, String plugin) {
        return output.lines().filter(line -> line.contains(": " + plugin + " event ")).count();
    }

    @Test
    void timeoutsNeverEndARunHoweverManyAndHoweverLong() throws Exception {
        FalcoPluginCli.Result run = FalcoPluginCli.run(Map.of(), "run", idle.toString(),
                "--open-params", "timeouts=1000000,idle-ms=1500,events=2");
        assertEquals(0, run.exitCode(), run.output());
        assertThat(run.output()).contains(": c-idle event 1 (idle event 1) idle.number=1 idle.part=10\n");
        assertThat(run.output()).contains(": c-idle event 2 (idle event 2) idle.number=2 idle.part=20\n");
        assertEquals(2, eventLines(run.output(), "c-idle"), run.output());
        assertThat(run.output()).as(() -> "a field that requires an argument is not printed by default")
                .doesNotContain("idle.label");
    }

    @Test
    void idleExitEndsARunAfterThatLongWithoutAnEvent() throws Exception {
        FalcoPluginCli.Result run = FalcoPluginCli.run(Map.of(), "run", idle.toString(),
                "--open-params", "events=1,after=idle", "--idle-exit", "1", "--fields", "idle.label[k],idle.part[3]");
        assertEquals(0, run.exitCode(), run.output());
        assertThat(run.output()).contains(": c-idle event 1 (idle event 1) idle.label[k]=k-1 idle.part[3]=13\n");
        assertThat(run.output()).contains("falco-plugin run: no event for 1 s (--idle-exit); stopped");
        assertThat(run.output()).contains("[info] c-idle: close\n");
        assertThat(run.output()).contains("[info] c-idle: destroy\n");
    }

    @Test
    void ctrlCClosesTheSourceAndDestroysThePluginThenExitsZero() throws Exception {
        Path sigintDefault = NativeHost.compileProgram(FIXTURES.resolve("sigint_default.c"), BUILD.resolve("sigint_default"));
        Process process = FalcoPluginCli.start(Path.of(""), List.of(sigintDefault.toString()), Map.of(),
                "run", idle.toString(), "--open-params", "events=1,after=idle");
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains(": c-idle event 1 ")) {
                output.append(line).append('\n');
            }
            assertNotNull(line, "the run ended before its event:\n" + output);
            output.append(line).append('\n');
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        } finally {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        String all = output.toString();
        assertEquals(0, process.exitValue(), all);
        assertThat(all).contains("falco-plugin run: SIGINT, closing the source");
        int close = all.indexOf("[info] c-idle: close\n");
        int destroy = all.indexOf("[info] c-idle: destroy\n");
        assertTrue(close > 0 && destroy > close, "close, then destroy:\n" + all);
    }

    @Test
    void withoutNItRunsToTheEndOfTheStreamAndNStopsEarlier() throws Exception {
        FalcoPluginCli.Result all = FalcoPluginCli.run(Map.of(), "run", dummy.toString(), "--open-params", "max=12");
        assertEquals(0, all.exitCode(), all.output());
        assertEquals(12, eventLines(all.output(), "c-dummy"), all.output());
        assertThat(all.output())
                .contains(": c-dummy event 12 (dummy event-12) dummy.value=12 dummy.name=event-12 dummy.even=true\n");
        FalcoPluginCli.Result two = FalcoPluginCli.run(Map.of(), "run", dummy.toString(), "--open-params", "max=12", "-n", "2");
        assertEquals(0, two.exitCode(), two.output());
        assertEquals(2, eventLines(two.output(), "c-dummy"), two.output());
    }

    @Test
    void aFailedExtractionStopsTheRunUnlessKeepGoing() throws Exception {
        Path failing = NativeHost.compileLibrary(FIXTURES.resolve("c_dummy_plugin.c"), BUILD.resolve("libc-dummy-failing.so"),
                "-DBROKEN_EXTRACT_FAILS");
        FalcoPluginCli.Result stopped = FalcoPluginCli.run(Map.of(), "run", failing.toString());
        assertEquals(1, stopped.exitCode(), stopped.output());
        assertThat(stopped.output())
                .contains("falco-plugin run: plugin_extract_fields failed on event 1: extraction refused on purpose\n");
        assertEquals(0, eventLines(stopped.output(), "c-dummy"), stopped.output());

        FalcoPluginCli.Result kept = FalcoPluginCli.run(Map.of(), "run", failing.toString(), "--keep-going");
        assertEquals(1, kept.exitCode(), kept.output());
        assertEquals(3, eventLines(kept.output(), "c-dummy"), kept.output());
        assertThat(kept.output())
                .contains(": c-dummy event 3 (dummy event-3) dummy.value=<error> dummy.name=<error> dummy.even=<error>\n");
        assertThat(kept.output())
                .contains("falco-plugin run: plugin_extract_fields failed on event 3: extraction refused on purpose\n");
        assertThat(kept.output()).contains("falco-plugin run: extraction failed on 3 event(s)");
    }
}
