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
 * Falco's hot restart, as a host does it a hundred times in one process: every plugin destroyed and initialized again
 * while the JVM keeps running, with and without unloading the library in between. Generated plugins report their
 * JVM's loaded classes through a probe field; the native host samples descriptors, VmRSS and threads after every
 * cycle. Nothing may grow: descriptors and threads not at all, memory within 8 MiB and classes within a few dozen
 * (hidden classes the JDK makes and drops on its own) after a warm-up of 10 cycles, for one plugin as for two. Memory
 * is compared after the process rested (see the host's --leak-quiet-ms), with the C heap made to give back what it
 * only caches (the host's leak check); what still grows then is the JIT's warm-up on the JDK code a restart runs
 * (compiled methods, code cache), which levels off.
 */
class RestartEndToEndTest {

    private static final int CYCLES = 100;
    private static final int WARM_UP = 10;
    private static final long RSS_BOUND_KIB = 8 * 1024;
    private static final long CLASS_BOUND = 100;
    private static final Pattern SAMPLE = Pattern.compile(
            "leak check: cycle (\\d+): fds (\\d+), VmRSS (\\d+) KiB, threads (\\d+), classes (-?\\d+), init ([\\d.]+) ms, "
                    + "destroy ([\\d.]+) ms");

    private static Path sourcePlugin;
    private static Path asyncPlugin;

    private record Sample(long cycle, long fds, long rssKib, long threads, long classes, double initMs, double destroyMs) {
    }

    @BeforeAll
    static void buildPlugins() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("restart-");
        sourcePlugin = projects.newAndBuild("restart", List.of(), project -> addClassProbe(project, "restart", "Restart"))
                .resolve("target/librestart.so");
        asyncPlugin = projects.newAndBuild("ticker", List.of("--capabilities", "extract,async", "--id", "998"), project -> {
            addClassProbe(project, "ticker", "Ticker");
            Path plugin = project.resolve("src/main/java/com/example/ticker/TickerPlugin.java");
            String source = Files.readString(plugin);
            String producer = "Thread.ofVirtual().name(\"ticker-async\")";
            assertThat(source).contains(producer);
            assertThat(source).contains("Thread.sleep(1000);");
            Files.writeString(plugin, source.replace(producer, "Thread.ofPlatform().name(\"ticker-async\")")
                    .replace("Thread.sleep(1000);", "Thread.sleep(1);"));
        }).resolve("target/libticker.so");
    }

    /** Adds NAME.classes, the JVM's loaded class count, to a generated project, and drops its starter test. */
    private static void addClassProbe(Path project, String name, String className) throws Exception {
        assertEquals(0, FalcoPluginCli.run(Map.of(), "add-field", name + ".classes", "--type", "uint64",
                "--desc", "Classes loaded in the JVM", "--dir", project.toString()).exitCode());
        Path code = project.resolve("src/main/java/com/example/" + name);
        Path plugin = code.resolve(className + "Plugin.java");
        String stub = "        // TODO compute " + name + ".classes from request.event()\n        request.noValue();\n        return 0;";
        String source = Files.readString(plugin);
        assertThat(source).contains(stub);
        Files.writeString(plugin, source.replace(stub,
                "        return java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();"));
        Files.delete(project.resolve("src/test/java/com/example/" + name + "/" + className + "PluginTest.java"));
    }

    @Test
    void aSourceAndExtractPluginCyclesAHundredTimesAndGivesBackEverything() throws Exception {
        NativeHost.Run run = NativeHost.run(sourcePlugin, Map.of(), leakCheck("--leak-probe", "restart.classes"));
        assertNothingGrew("source+extract, init/destroy", run);
    }

    @Test
    void twoJavaPluginsUnloadedAndLoadedAgainInEveryCycleGiveBackEverything() throws Exception {
        List<String> command = new ArrayList<>(List.of(NativeHost.binary().toString()));
        command.addAll(List.of(leakCheck("--reload", "--leak-probe", "ticker.classes", "--expect-async", "2")));
        command.addAll(List.of(sourcePlugin.toString(), asyncPlugin.toString()));
        NativeHost.Run run = NativeHost.run(command, Map.of());
        assertNothingGrew("two plugins, dlclose and dlopen between cycles", run);
        for (Path library : List.of(sourcePlugin, asyncPlugin)) {
            assertEquals(CYCLES, run.stdout().lines().filter(("unload: " + library + " unloaded")::equals).count(),
                    "each cycle unloads " + library + ":\n" + run.stdout());
        }
    }

    @Test
    void anAsyncPluginWithARunningProducerThreadCyclesWithoutLeakingAThread() throws Exception {
        NativeHost.Run run = NativeHost.run(asyncPlugin, Map.of(),
                leakCheck("--leak-probe", "ticker.classes", "--expect-async", "2"));
        assertNothingGrew("async producer thread, init/destroy", run);
        assertThat(run.stdout()).contains("async name=ticker_tick data=\"tick 2\"");
    }

    private static String[] leakCheck(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--cycles", String.valueOf(CYCLES), "--events", "3",
                "--check-leaks", "--leak-warmup", String.valueOf(WARM_UP), "--leak-rss-kib",
                String.valueOf(RSS_BOUND_KIB), "--leak-classes", String.valueOf(CLASS_BOUND), "--leak-smaps"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private static void assertNothingGrew(String what, NativeHost.Run run) {
        assertEquals(0, run.exitCode(), run.describe());
        List<Sample> samples = new ArrayList<>();
        Matcher matcher = SAMPLE.matcher(run.stdout());
        while (matcher.find()) {
            samples.add(new Sample(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5)),
                    Double.parseDouble(matcher.group(6)), Double.parseDouble(matcher.group(7))));
        }
        assertEquals(CYCLES, samples.size(), run.stdout());
        Sample first = samples.getFirst();
        Sample warm = samples.get(WARM_UP - 1);
        Sample last = samples.getLast();
        assertEquals(first.fds(), last.fds(), "descriptors after cycle 1 and cycle " + CYCLES + ":\n" + run.stdout());
        assertEquals(warm.threads(), last.threads(), "threads after cycle " + WARM_UP + " and " + CYCLES + ":\n" + run.stdout());
        assertTrue(last.rssKib() - warm.rssKib() <= RSS_BOUND_KIB, "VmRSS grew from " + warm.rssKib() + " KiB to "
                + last.rssKib() + " KiB:\n" + run.stdout());
        assertTrue(warm.classes() > 0 && last.classes() - warm.classes() <= CLASS_BOUND, "classes went from "
                + warm.classes() + " to " + last.classes() + ":\n" + run.stdout());
        List<Double> restarts = samples.stream().skip(1).map(s -> s.initMs() + s.destroyMs()).sorted().toList();
        System.out.printf("restart (%s), %d cycles: fds %d -> %d, VmRSS %d KiB (cycle %d) -> %d KiB, threads %d -> %d, "
                        + "classes %d (cycle %d) -> %d, destroy + init median %.1f ms, max %.1f ms%n", what, CYCLES,
                first.fds(), last.fds(), warm.rssKib(), WARM_UP, last.rssKib(), warm.threads(), last.threads(),
                warm.classes(), WARM_UP, last.classes(), restarts.get(restarts.size() / 2), restarts.getLast());
    }
}
