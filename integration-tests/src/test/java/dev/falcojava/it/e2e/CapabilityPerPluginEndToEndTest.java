package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One generated plugin per capability, built with its generated JUnit test, loaded by the native host: each exports
 * the symbols of its capability and no other, and works on events of another source, system events included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapabilityPerPluginEndToEndTest {

    private GeneratedProjects projects;

    @BeforeAll
    void projects() throws Exception {
        projects = new GeneratedProjects("caps-");
    }

    private Path build(String name, String capability) throws Exception {
        return projects.newAndBuild(name, List.of("--capabilities", capability), project -> {
        }).resolve("target/lib" + name + ".so");
    }

    @Test
    void aParseOnlyPluginParsesEventsOfOtherSourcesAndExportsNothingElse() throws Exception {
        NativeHost.Run run = NativeHost.run(build("parser", "parse"), Map.of(), "--expect-caps", "parse", "--feed", "2",
                "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("""
                event 1 source=other type=322 len=50
                  parsed
                event 2 source=other type=322 len=50
                  parsed
                """);
    }

    @Test
    void anAsyncOnlyPluginPushesItsDeclaredEventFromItsOwnThread() throws Exception {
        NativeHost.Run run = NativeHost.run(build("pusher", "async"), Map.of(), "--expect-caps", "async",
                "--expect-async", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("async events: [\"pusher_tick\"]\n");
        assertThat(run.stdout()).contains("async name=pusher_tick data=\"tick 1\"\n");
    }

    @Test
    void aCaptureListeningPluginIsToldOfTheCapture() throws Exception {
        NativeHost.Run run = NativeHost.run(build("listener", "capture-listen"), Map.of(), "--expect-caps",
                "capture-listen", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("plugin name=listener version=0.1.0 api=3.7.0 id=0 source=\n");
        assertThat(run.stdout()).contains("capture open\ncapture close\n");
    }

    @Test
    void systemEventsAndOtherPluginsEventsAreReadByParameter() throws Exception {
        Path library = projects.libraryOf("sysx", "extract", Path.of("src/test/resources/syscall-extract"), "SysxPlugin.java");

        NativeHost.Run syscalls = NativeHost.run(library, Map.of(), "--expect-caps", "extract,parse", "--cycles", "1",
                "--feed", "2", "--feed-source", "syscall", "--feed-type", "1");
        assertEquals(0, syscalls.exitCode(), syscalls.describe());
        assertThat(syscalls.stdout())
                .contains("""
                extract event sources: ["syscall","other"]
                parse event sources: ["syscall","other"]
                parse event types: 1 322
                """);
        assertThat(syscalls.stdout())
                .contains("""
                event 2 source=syscall type=1 len=51
                  parsed
                  sysx.source = "syscall"
                  sysx.tid = 1002
                  sysx.number = 2
                  sysx.text = "feed event 2"
                  sysx.lengths = [8, 13]
                  sysx.seen = 2
                """);

        assertThat(syscalls.stdout()).as(syscalls::describe).contains("required event schema version: 4.3.0\n");

        NativeHost.Run sameSchema = NativeHost.run(library, Map.of(), "--cycles", "1", "--event-schema", "4.3.0");
        assertEquals(0, sameSchema.exitCode(), sameSchema.describe());
        assertThat(sameSchema.stdout()).contains("event schema check: '4.3.0' is compatible with '4.3.0'\n");
        NativeHost.Run newerMinor = NativeHost.run(library, Map.of(), "--cycles", "1", "--event-schema", "4.5.1");
        assertEquals(0, newerMinor.exitCode(), newerMinor.describe());
        for (String[] older : new String[][] {{"4.2.9", "minor version is less than the requested one"},
                {"3.9.0", "major versions disagree"}, {"5.0.0", "major versions disagree"}}) {
            NativeHost.Run refused = NativeHost.run(library, Map.of(), "--cycles", "1", "--event-schema", older[0]);
            assertEquals(1, refused.exitCode(), refused.describe());
            assertEquals("FAIL: plugin sysx required event schema version '4.3.0' not compatible with the event schema "
                    + "version in use '" + older[0] + "': " + older[1] + "\n", refused.stderr(), refused.describe());
        }

        NativeHost.Run plugins = NativeHost.run(library, Map.of(), "--cycles", "1", "--feed", "1", "--feed-source", "other",
                "--feed-id", "4242");
        assertEquals(0, plugins.exitCode(), plugins.describe());
        assertThat(plugins.stdout())
                .contains("""
                  sysx.source = "other"
                  sysx.tid = 18446744073709551615
                  sysx.number = 4242
                  sysx.text = "feed event 1"
                  sysx.lengths = [4, 12]
                """);

        NativeHost.Run elsewhere = NativeHost.run(library, Map.of(), "--cycles", "1", "--feed", "1", "--feed-source", "k8s");
        assertEquals(0, elsewhere.exitCode(), elsewhere.describe());
        assertThat(elsewhere.stdout()).as(() -> "events of a source the plugin did not declare reach neither parse nor extract: " + elsewhere.stdout())
                .doesNotContain("  sysx.source =");
        assertThat(elsewhere.stdout()).as(() -> "events of a source the plugin did not declare reach neither parse nor extract: " + elsewhere.stdout())
                .doesNotContain("  parsed");
    }
}
