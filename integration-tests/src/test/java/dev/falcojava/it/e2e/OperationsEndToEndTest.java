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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What running inside Falco asks of a plugin beyond the API: the host keeps its signals, nothing is written to
 * disk, bad events are refused, memory stays flat over millions of events, threads extract at once, and
 * several Java plugins share one process and one JVM, each with its own libraries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndToEndTest {

    private static final Pattern RSS = Pattern.compile("soak (\\d+) events: VmRSS (\\d+) KiB");
    private static final String LIBRARY_VERSION_PLUGIN = """
            package com.example.%1$s;

            import dev.falcojava.sdk.api.ExtractRequest;
            import dev.falcojava.sdk.api.SourceInstance;
            import org.apache.commons.lang3.StringUtils;

            import java.io.IOException;
            import java.io.InputStream;
            import java.io.UncheckedIOException;
            import java.util.Properties;

            public class %2$s extends Abstract%2$s {

                private String libraryVersion;

                @Override
                public void init(String config) throws IOException {
                    Properties properties = new Properties();
                    try (InputStream in = StringUtils.class.getClassLoader()
                            .getResourceAsStream("META-INF/maven/org.apache.commons/commons-lang3/pom.properties")) {
                        properties.load(in);
                    }
                    libraryVersion = properties.getProperty("version");
                }

                @Override
                public SourceInstance open(String params) {
                    return new %3$s(params);
                }

                @Override
                protected long extractCount(ExtractRequest request) {
                    return request.event().number();
                }

                @Override
                protected String extractMessage(ExtractRequest request) {
                    return StringUtils.upperCase(request.event().payloadAsString()) + " with commons-lang3 " + libraryVersion;
                }

                @Override
                protected boolean extractEven(ExtractRequest request) {
                    return request.event().number() %% 2 == 0;
                }
            }
            """;

    private GeneratedProjects projects;
    private Path demo;

    @BeforeAll
    void buildTheDemoPlugin() throws Exception {
        projects = new GeneratedProjects("operations-");
        demo = projects.newAndBuild("demo", List.of(), project -> {
        }, "--shared").resolve("target/libdemo.so");
    }

    @Test
    void theHostKeepsItsSignalHandlersAfterTheJvmStarts() throws Exception {
        NativeHost.Run run = NativeHost.run(demo, Map.of(), "--signals", "--events", "1", "--cycles", "2");
        assertEquals(0, run.exitCode(), run.describe());
        for (String signal : List.of("Interrupt", "Terminated", "Hangup", "User defined signal 1")) {
            assertEquals(2, count(run.stdout(), "signal " + signal + " reached the host\n"), run.stdout());
        }
    }

    @Test
    void thePluginJarIsReadFromAnAnonymousMemoryFileNeverFromDisk() throws Exception {
        NativeHost.Run run = NativeHost.run(demo, Map.of(), "--list-jar-files", "--events", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        List<String> jars = run.stdout().lines().filter(line -> line.startsWith("jar file: ")).toList();
        assertFalse(jars.isEmpty(), run.stdout());
        assertThat(jars).allMatch(line -> line.startsWith("jar file: /memfd:fjp_demo.jar"));
    }

    @Test
    void malformedEventsAreRefusedAndThePluginGoesOn() throws Exception {
        NativeHost.Run run = NativeHost.run(demo, Map.of(), "--malformed-events", "--events", "2", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertThat(out)
                .contains("malformed event (three parameters) refused: extracting demo.message: malformed event 1: plugin event has 3 parameters, expected 2");
        assertThat(out)
                .contains("malformed event (length shorter than its header) refused: extracting demo.message: malformed event 1: length 20 is shorter than the 26-byte header");
        assertThat(out)
                .contains("malformed event (payload longer than the event) refused: extracting demo.message: malformed event 1: parameters of 100004 bytes do not match the event length 45");
        assertThat(out)
                .contains("malformed event (plugin id parameter of 8 bytes) refused: extracting demo.message: malformed event 1: plugin id parameter has length 8, expected 4");
        assertThat(out).contains("a valid event after them is extracted");
    }

    @Test
    void tenMillionEventsSourcedAndExtractedInOneProcessKeepResidentMemoryFlat() throws Exception {
        NativeHost.Run run = NativeHost.run(demo, Map.of(), "--soak", "10000000", "--open-params", "max=1000000000",
                "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        List<long[]> samples = new ArrayList<>();
        Matcher m = RSS.matcher(run.stdout());
        while (m.find()) {
            samples.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        assertEquals(10, samples.size(), run.stdout());
        long atOneMillion = samples.getFirst()[1];
        long atTenMillion = samples.getLast()[1];
        assertEquals(1_000_000, samples.getFirst()[0]);
        assertEquals(10_000_000, samples.getLast()[0]);
        System.out.printf("soak: VmRSS %d KiB at 1M events, %d KiB at 10M events%n", atOneMillion, atTenMillion);
        assertTrue(atTenMillion - atOneMillion < 8 * 1024,
                "resident memory grew by more than 8 MiB between 1M and 10M events:\n" + run.stdout());
    }

    @Test
    void eightHostThreadsExtractAtOnceWithIdenticalResults() throws Exception {
        NativeHost.Run run = NativeHost.run(demo, Map.of(), "--threads", "8", "--events", "2000000",
                "--open-params", "max=1000000000");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("threads 8: 2000000 events each, identical values\n");
    }

    @Test
    void twoJavaPluginsWithDifferentVersionsOfOneLibraryShareTheProcess() throws Exception {
        Path older = libraryVersionPlugin("lang-old", "LangOldPlugin", "LangOldSourceInstance", "3.12.0");
        Path newer = libraryVersionPlugin("lang-new", "LangNewPlugin", "LangNewSourceInstance", "3.17.0");
        NativeHost.Run run = NativeHost.run(older, Map.of(), "--events", "2", "--cycles", "2", newer.toString(), demo.toString());
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertThat(out).contains("lang_old.message = \"LANG-OLD EVENT 2 with commons-lang3 3.12.0\"");
        assertThat(out).contains("lang_new.message = \"LANG-NEW EVENT 2 with commons-lang3 3.17.0\"");
        assertThat(out).contains("demo.message = \"demo event 2\"");
    }

    @Test
    void theJavaHomeOfPluginYamlComesFirst() throws Exception {
        Path explicitJdk = Files.createSymbolicLink(projects.work().resolve("explicit-jdk"), Path.of(System.getProperty("java.home")));
        Path library = projects.newAndBuild("explicit", List.of(), project -> {
            Path descriptor = project.resolve("plugin.yaml");
            Files.writeString(descriptor, Files.readString(descriptor).replace("jvm:\n", "jvm:\n  java-home: \"" + explicitJdk + "\"\n"));
        }, "--shared").resolve("target/libexplicit.so");
        Map<String, String> nowhere = Map.of("JAVA_HOME", "/nowhere/java", "FALCO_PLUGIN_JAVA_HOME", "/nowhere/falco-java");
        Path hiddenBuildJdk = projects.work().resolve("jdk-hidden");
        Files.move(projects.jdk(), hiddenBuildJdk);
        try {
            NativeHost.Run withExplicit = NativeHost.run(library, nowhere, "--events", "1", "--cycles", "1");
            assertEquals(0, withExplicit.exitCode(), withExplicit.describe());

            Files.delete(explicitJdk);
            NativeHost.Run without = NativeHost.run(library, nowhere, "--expect-init-failure");
            assertEquals(0, without.exitCode(), without.describe());
            assertThat(without.stdout())
                    .contains("Looked at plugin.yaml jvm.java-home=" + explicitJdk + ": no "
                    + explicitJdk + "/lib/server/libjvm.so; FALCO_PLUGIN_JAVA_HOME=/nowhere/falco-java");
        } finally {
            Files.move(hiddenBuildJdk, projects.jdk());
        }
    }

    private Path libraryVersionPlugin(String name, String pluginClass, String instanceClass, String version) throws Exception {
        String packageName = name.replace("-", "");
        return projects.newAndBuild(name, List.of(), project -> {
            Path pom = project.resolve("pom.xml");
            Files.writeString(pom, Files.readString(pom).replace("  <dependencies>\n", """
                      <dependencies>
                        <dependency>
                          <groupId>org.apache.commons</groupId>
                          <artifactId>commons-lang3</artifactId>
                          <version>%s</version>
                        </dependency>
                    """.formatted(version)));
            Files.writeString(project.resolve("src/main/java/com/example/" + packageName + "/" + pluginClass + ".java"),
                    LIBRARY_VERSION_PLUGIN.formatted(packageName, pluginClass, instanceClass));
            Files.delete(project.resolve("src/test/java/com/example/" + packageName + "/" + pluginClass + "Test.java"));
        }, "--shared").resolve("target/lib" + name + ".so");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
