package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code falco-plugin info}, {@code run} and {@code completion}, run as a user runs them, on C and Java plugins. */
class InspectEndToEndTest {

    private static final Path FIXTURE = Path.of(System.getProperty("falco.nativeSources", "src/test/native"))
            .resolve("fixtures/c_dummy_plugin.c");

    @Test
    void infoReadsAPluginWrittenInCWithoutStartingIt() throws Exception {
        Path library = NativeHost.compileLibrary(FIXTURE, Path.of(System.getProperty("falco.buildDir", "target"))
                .resolve("inspect/libc-dummy.so").toAbsolutePath());
        FalcoPluginCli.Result info = FalcoPluginCli.run(Map.of(), "info", library.toString());
        assertEquals(0, info.exitCode(), info.output());
        assertThat(info.output())
                .contains("""
                name:         c-dummy
                version:      1.2.3
                description:  A "dummy" plugin in C
                """);
        assertThat(info.output())
                .contains("capabilities: source, extract\nid:           999\nevent source: dummy\n");
        assertThat(info.output()).contains("  dummy.name   string   no    none             the payload\n");

        FalcoPluginCli.Result missing = FalcoPluginCli.run(Map.of(), "info", library.resolveSibling("nothing.so").toString());
        assertEquals(2, missing.exitCode());
        assertThat(missing.output())
                .contains("falco-plugin info: no plugin library " + library.resolveSibling("nothing.so"));
    }

    @Test
    void runInitializesAGeneratedJavaPluginAndPrintsEventsWithTheirFields() throws Exception {
        Path library = new GeneratedProjects("inspect-").newAndBuild("shown", List.of(), project -> {
        }).resolve("target/libshown.so");
        FalcoPluginCli.Result run = FalcoPluginCli.run(Map.of(), "run", library.toString(), "--open-params", "max=3",
                "--fields", "shown.count,shown.message,shown.even", "-n", "5");
        assertEquals(0, run.exitCode(), run.output());
        assertThat(run.output())
                .contains(": shown event 2 (shown event 2) shown.count=2 shown.message=shown event 2 shown.even=true\n");
        assertEquals(3, run.output().lines().filter(line -> line.contains(": shown event ")).count(), run.output());

        FalcoPluginCli.Result wrongField = FalcoPluginCli.run(Map.of(), "run", library.toString(), "--fields", "shown.nope");
        assertEquals(2, wrongField.exitCode());
        assertThat(wrongField.output()).contains("falco-plugin run: the plugin has no field shown.nope");
        FalcoPluginCli.Result badParams = FalcoPluginCli.run(Map.of(), "run", library.toString(), "--open-params", "max=x");
        assertEquals(1, badParams.exitCode());
        assertThat(badParams.output())
                .contains("falco-plugin run: plugin_open failed: open: For input string: \"x\"");
    }

    @Test
    void completionPrintsAScriptForEveryCommand() throws Exception {
        FalcoPluginCli.Result completion = FalcoPluginCli.run(Map.of(), "completion");
        assertEquals(0, completion.exitCode(), completion.output());
        assertThat(completion.output()).startsWith("#!/usr/bin/env bash");
        for (String command : List.of("new", "add-capability", "add-field", "build", "info", "run", "completion")) {
            assertThat(completion.output()).as(() -> command).contains(command);
        }
    }
}
