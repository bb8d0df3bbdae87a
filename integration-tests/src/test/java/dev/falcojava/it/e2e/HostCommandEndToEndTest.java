package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code falco-plugin host}: the native test host shipped in the CLI, compiled into the user's cache and run. */
class HostCommandEndToEndTest {

    private static final Path FIXTURES = Path.of(System.getProperty("falco.nativeSources", "src/test/native")).resolve("fixtures");
    private static final Path BUILD = Path.of(System.getProperty("falco.buildDir", "target")).resolve("host-command").toAbsolutePath();

    private static Path plugins;

    @BeforeAll
    static void compileFixture() throws Exception {
        plugins = BUILD.resolve("somewhere/plugins");
        NativeHost.compileLibrary(FIXTURES.resolve("c_idle_plugin.c"), plugins.resolve("libc-idle.so"));
    }

    private static Map<String, String> cache(String name) throws IOException {
        Path cache = BUILD.resolve(name);
        if (Files.exists(cache)) {
            try (Stream<Path> paths = Files.walk(cache)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Map.of("XDG_CACHE_HOME", cache.toString());
    }

    @Test
    void itRunsFromAnyDirectoryWithTheLibraryRelativeToIt() throws Exception {
        Map<String, String> environment = cache("cache-relative");
        FalcoPluginCli.Result first = FalcoPluginCli.run(plugins, environment, "host", "libc-idle.so",
                "--events", "2", "--cycles", "1", "--open-params", "events=2", "--fields", "idle.label[k]");
        assertEquals(0, first.exitCode(), first.output());
        assertThat(first.output())
                .contains("falco-plugin host: compiling the native test host into " + BUILD.resolve("cache-relative")
                .resolve("falco-plugin/host"));
        assertThat(first.output()).contains("event 2 len=44 payload=\"idle-2\"\n  idle.label[k] = \"k-2\"\n");
        assertThat(first.output().strip()).as(first::output).endsWith("ok");

        FalcoPluginCli.Result second = FalcoPluginCli.run(plugins.getParent(), environment, "host", "--metadata-only",
                "plugins/libc-idle.so");
        assertEquals(0, second.exitCode(), second.output());
        assertThat(second.output()).as(() -> "the second run uses the cached host:\n" + second.output())
                .doesNotContain("compiling");
        assertThat(second.output()).contains("plugin name=c-idle version=0.1.0 api=3.0.0 id=998 source=idle\n");
    }

    @Test
    void anUnknownFieldFailsWithAMessageNamingIt() throws Exception {
        Map<String, String> environment = cache("cache-unknown");
        for (List<String> mode : List.of(List.of("--metadata-only"), List.of("--events", "1", "--cycles", "1"))) {
            List<String> arguments = new ArrayList<>(List.of("host", "--fields", "unknown.field", "libc-idle.so"));
            arguments.addAll(mode);
            FalcoPluginCli.Result run = FalcoPluginCli.run(plugins, environment, arguments.toArray(String[]::new));
            assertEquals(1, run.exitCode(), run.output());
            assertThat(run.output())
                    .contains("FAIL: --fields names unknown.field, which the plugin does not export\n");
        }
    }

    @Test
    void withoutGccTheMessageSaysHowToInstallIt() throws Exception {
        Map<String, String> environment = new HashMap<>(cache("cache-no-gcc"));
        environment.put("CC", BUILD.resolve("no-such-gcc").toString());
        FalcoPluginCli.Result run = FalcoPluginCli.run(plugins, environment, "host", "libc-idle.so");
        assertEquals(1, run.exitCode(), run.output());
        assertThat(run.output())
                .contains("falco-plugin host: the native test host is compiled on first use, but "
                + BUILD.resolve("no-such-gcc") + " does not run: install gcc (Debian: apt-get install gcc), or set CC");
    }

    @Test
    void twoProcessesCompilingTheHostAtOnceBothRunIt() throws Exception {
        Map<String, String> environment = cache("cache-concurrent");
        List<Process> processes = List.of(
                FalcoPluginCli.start(plugins, List.of(), environment, "host", "--metadata-only", "libc-idle.so"),
                FalcoPluginCli.start(plugins, List.of(), environment, "host", "--metadata-only", "libc-idle.so"));
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
            assertEquals(0, process.exitValue(), output);
            assertThat(output.strip()).as(() -> output).endsWith("ok");
        }
        try (Stream<Path> left = Files.walk(BUILD.resolve("cache-concurrent"))) {
            assertEquals(List.of("falco-test-host"), left.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).toList(),
                    "one binary and no build directory left");
        }
    }
}
