package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two plugins built for static linkage, one chosen at generation time ({@code new --linkage static}) and one
 * overridden at build time ({@code build --static}), linked into one host binary that registers both through
 * their plugin_api structs and runs the same conformance checks as for shared libraries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticLinkageEndToEndTest {

    private Path alpha;
    private Path beta;
    private Path host;

    @BeforeAll
    void buildTwoStaticPluginsAndAHostLinkingBoth() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("static-");
        alpha = projects.newAndBuild("alpha", List.of("--linkage", "static"), project -> {
        });
        beta = projects.newAndBuild("beta", List.of(), project -> {
        }, "--static");
        Path registration = projects.work().resolve("registration.c");
        Files.writeString(registration, """
                #include <stddef.h>
                #include "alpha.h"
                #include "beta.h"
                typedef struct { const char* name; const void* api; } host_static_plugin;
                const host_static_plugin host_static_plugins[] = {{"alpha", &ALPHA_API}, {"beta", &BETA_API}, {NULL, NULL}};
                """);
        host = NativeHost.compileStaticHost(projects.work().resolve("falco-test-host-static"), registration, List.of(
                "-I" + alpha.resolve("target"), "-I" + beta.resolve("target"),
                alpha.resolve("target/libalpha.a").toString(), beta.resolve("target/libbeta.a").toString()));
    }

    @Test
    void theArchivesAndHeadersAreWhereTheBuildSaid() {
        for (Path project : List.of(alpha, beta)) {
            String name = project.getFileName().toString();
            assertTrue(Files.isRegularFile(project.resolve("target/lib" + name + ".a")), project.toString());
            assertTrue(Files.isRegularFile(project.resolve("target/" + name + ".h")), project.toString());
        }
    }

    @Test
    void theArchivesDefineNoGlobalPluginSymbol() throws Exception {
        for (Path project : List.of(alpha, beta)) {
            String name = project.getFileName().toString();
            List<String> globals = Symbols.defined(project.resolve("target/lib" + name + ".a"), "-g");
            assertThat(globals).as(globals::toString).contains(name.toUpperCase() + "_API");
            assertThat(globals).noneMatch(symbol -> symbol.startsWith("plugin_"));
        }
        assertThat(Symbols.defined(host, "-g")).noneMatch(symbol -> symbol.startsWith("plugin_"));
    }

    @Test
    void theHostRegistersBothPluginsAndRunsThemInOneProcessTwice() throws Exception {
        List<String> command = new ArrayList<>(List.of(host.toString(), "--expect-caps", "source,extract",
                "--events", "3", "--cycles", "2", "static:alpha", "static:beta"));
        NativeHost.Run run = NativeHost.run(command, Map.of());
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        for (String name : List.of("alpha", "beta")) {
            assertThat(out).contains("plugin name=" + name + " version=0.1.0 api=3.10.0 id=999 source=" + name);
            assertThat(out).contains("  " + name + ".message = \"" + name + " event 3\"\n");
            assertThat(out).contains("  " + name + ".even = true\n");
        }
        assertEquals(4, out.split("\ncycle ", -1).length - 1, "two cycles for each plugin:\n" + out);
        assertThat(out.strip()).as(() -> out).endsWith("ok");
    }

    @Test
    void aFrameworkOlderThanTheStaticLayoutRefusesThePlugin() throws Exception {
        NativeHost.Run run = NativeHost.run(List.of(host.toString(), "--api-version", "3.9.0", "--metadata-only",
                "static:alpha"), Map.of());
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe)
                .contains("framework's minor is less than the requested one");
    }
}
