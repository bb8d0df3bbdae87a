package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Generates plugins with the real CLI ({@code new}, then {@code build --shared}), and loads the libraries in
 * the native test host the way libsinsp does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedPluginEndToEndTest {

    private static final Set<String> SOURCE_AND_EXTRACT_SYMBOLS = Set.of(
            "plugin_get_required_api_version", "plugin_get_version", "plugin_get_name", "plugin_get_description",
            "plugin_get_contact", "plugin_init", "plugin_destroy", "plugin_get_last_error",
            "plugin_get_id", "plugin_get_event_source", "plugin_open", "plugin_close", "plugin_next_batch",
            "plugin_event_to_string", "plugin_list_open_params", "plugin_get_progress", "plugin_get_fields",
            "plugin_extract_fields");

    private GeneratedProjects projects;
    private Path work;
    private Path jdk;
    private Path demoLibrary;

    @BeforeAll
    void generateAndBuildTheDemoPlugin() throws Exception {
        projects = new GeneratedProjects("e2e-");
        work = projects.work();
        jdk = projects.jdk();
        demoLibrary = newAndBuild("demo", project -> {
        });
    }

    private Path newAndBuild(String name, GeneratedProjects.ProjectEdit edit) throws Exception {
        Path library = projects.newAndBuild(name, List.of(), edit, "--shared").resolve("target/lib" + name + ".so");
        assertTrue(Files.isRegularFile(library), "build did not produce " + library);
        return library;
    }

    @Test
    void theLibraryExportsExactlyTheSymbolsOfSourceAndExtract() throws Exception {
        Set<String> exported = new TreeSet<>(Symbols.defined(demoLibrary, "-D"));
        assertEquals(new TreeSet<>(SOURCE_AND_EXTRACT_SYMBOLS), exported);
    }

    @Test
    void theHostLoadsTheLibraryPullsEventsAndExtractsEveryFieldTwiceInOneProcess() throws Exception {
        NativeHost.Run run = NativeHost.run(demoLibrary, Map.of(),
                "--expect-caps", "source,extract", "--events", "5", "--cycles", "2", "--stack-after-init", "6000");
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertThat(out).contains("plugin name=demo version=0.1.0 api=3.3.0 id=999 source=demo");
        for (int cycle = 1; cycle <= 2; cycle++) {
            String cycleOutput = cycle(out, cycle);
            for (int n = 1; n <= 5; n++) {
                String event = event(cycleOutput, n);
                assertThat(event).contains("payload=\"demo event " + n + "\"");
                assertThat(event).contains("demo.count = " + n + "\n");
                assertThat(event).contains("demo.message = \"demo event " + n + "\"\n");
                assertThat(event).contains("demo.even = " + (n % 2 == 0) + "\n");
            }
        }
        assertThat(out).contains("used 6000 KiB of the host thread's stack after init");
        assertThat(out.strip()).as(() -> out).endsWith("ok");
    }

    @Test
    void withoutAJavaRuntimeMetadataStillWorksAndInitSaysWhereItLooked() throws Exception {
        Path hidden = work.resolve("jdk-hidden");
        Files.move(jdk, hidden);
        try {
            Map<String, String> nowhere = Map.of("JAVA_HOME", "/nowhere/java", "FALCO_PLUGIN_JAVA_HOME", "/nowhere/falco-java");
            NativeHost.Run metadata = NativeHost.run(demoLibrary, nowhere, "--expect-caps", "source,extract", "--metadata-only");
            assertEquals(0, metadata.exitCode(), metadata.describe());
            assertThat(metadata.stdout()).contains("field demo.count type=uint64");

            NativeHost.Run init = NativeHost.run(demoLibrary, nowhere, "--expect-caps", "source,extract", "--expect-init-failure");
            assertEquals(0, init.exitCode(), init.describe());
            String error = init.stdout();
            assertThat(error).contains("init failed: no Java runtime found");
            assertThat(error).contains("FALCO_PLUGIN_JAVA_HOME=/nowhere/falco-java");
            assertThat(error).contains("JAVA_HOME=/nowhere/java");
            assertThat(error).as(() -> "the build JDK should be listed: " + error).contains(jdk.toString());
        } finally {
            Files.move(hidden, jdk);
        }
    }

    @Test
    void anExceptionInAUserExtractMethodBecomesAFailureWithItsMessageAndTheHostGoesOn() throws Exception {
        Path library = newAndBuild("boom", project -> {
            Path userClass = project.resolve("src/main/java/com/example/boom/BoomPlugin.java");
            String source = Files.readString(userClass);
            Matcher method = Pattern.compile("extractEven\\(ExtractRequest request\\)[^{]*\\{").matcher(source);
            assertTrue(method.find(), "no extractEven method in\n" + source);
            String failing = source.substring(0, method.end())
                    + "\n        if (request.event().number() == 2) {\n"
                    + "            throw new IllegalStateException(\"even is broken for event 2\");\n        }"
                    + source.substring(method.end());
            Files.writeString(userClass, failing);
            Files.delete(project.resolve("src/test/java/com/example/boom/BoomPluginTest.java"));
        });
        NativeHost.Run run = NativeHost.run(library, Map.of(),
                "--expect-caps", "source,extract", "--events", "4", "--cycles", "1", "--allow-extract-failure");
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertThat(out).contains("extract failed: extracting boom.even: even is broken for event 2");
        String third = event(out, 3);
        assertThat(third).contains("boom.even = false");
        assertThat(event(out, 4)).as(() -> out).contains("boom.even = true");
    }

    /** The lines from {@code cycle N} up to the next cycle. */
    private static String cycle(String output, int number) {
        int start = output.indexOf("cycle " + number + "\n");
        assertTrue(start >= 0, "no cycle " + number + " in\n" + output);
        int end = output.indexOf("\ncycle ", start + 1);
        return output.substring(start, end < 0 ? output.length() : end + 1);
    }

    /** The line {@code event N ...} and the indented lines below it. */
    private static String event(String output, int number) {
        Matcher line = Pattern.compile("(?m)^event " + number + " .*\n((?:[ \t].*\n)*)").matcher(output);
        assertTrue(line.find(), "no event " + number + " in\n" + output);
        return line.group();
    }

    @Test
    void doctorSaysWhatIsMissingAndHowToFixIt() throws Exception {
        FalcoPluginCli.Result healthy = FalcoPluginCli.run(Map.of("JAVA_HOME", jdk.toString()), "doctor");
        assertEquals(0, healthy.exitCode(), healthy.output());
        assertThat(healthy.output()).contains("ok    C compiler: gcc");
        assertThat(healthy.output()).contains("ok    Maven: Apache Maven");
        assertThat(healthy.output()).containsPattern("(?m)^ok    native test host \\(run, build's AOT training\\): /.*/falco-test-host$");
        assertThat(healthy.output()).containsPattern("(?m)^installation: /.* \\((checkout build|distribution)[^)]*\\)$");

        FalcoPluginCli.Result broken = FalcoPluginCli.run(Map.of("JAVA_HOME", jdk.toString(), "CC", "/nonexistent/gcc"), "doctor");
        assertEquals(1, broken.exitCode(), broken.output());
        assertThat(broken.output()).contains("FAIL  C compiler: /nonexistent/gcc does not run: install gcc");
    }

    @Test
    void aFieldAddedWithAddFieldIsBuiltIntoTheLibrary() throws Exception {
        Path library = newAndBuild("grown", project -> {
            FalcoPluginCli.Result added = FalcoPluginCli.run(Map.of("JAVA_HOME", jdk.toString()), "add-field",
                    "grown.user_name", "--type", "string", "--desc", "The user", "--dir", project.toString());
            assertEquals(0, added.exitCode(), added.output());
        });
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--expect-caps", "source,extract", "--events", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("field grown.user_name type=string list=0 arg=none desc=\"The user\"");
        assertThat(run.stdout()).contains("  grown.user_name = <none>\n");
        assertThat(run.stdout()).contains("  grown.count = 1\n");
    }
}
