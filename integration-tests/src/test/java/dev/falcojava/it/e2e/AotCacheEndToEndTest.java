package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDK AOT cache a shared build trains beside the library: the glue's JVM serves the SDK's and the plugin's
 * classes from it, and a cache made for other options, a truncated or a garbage file, or a JVM told to share
 * nothing, leave init working, with one DEBUG line through the host's log and nothing from the JVM on stdout or
 * stderr. The classes' origins come from -Xlog:class+load written to a file, through plugin.yaml's jvm options.
 */
class AotCacheEndToEndTest {

    private static final String NOT_USED = "log 7 -: the AOT cache is not used: ";

    private static Path library;
    private static Path cache;
    private static Path classLog;
    private static byte[] trained;
    private static String buildOutput;
    private static Path work;

    @BeforeAll
    static void buildPlugin() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("cache-");
        work = projects.work();
        classLog = work.resolve("classes.log");
        Path project = projects.newProject("cached");
        Path descriptor = project.resolve("plugin.yaml");
        String yaml = Files.readString(descriptor);
        String options = "  options:\n";
        assertThat(yaml).contains(options);
        Files.writeString(descriptor, yaml.replace(options,
                options + "    - \"-Xlog:class+load=info:file=" + classLog + "\"\n"));
        FalcoPluginCli.Result built = FalcoPluginCli.run(Map.of("JAVA_HOME", projects.jdk().toString()),
                "build", "--dir", project.toString());
        assertEquals(0, built.exitCode(), built.output());
        buildOutput = built.output();
        library = project.resolve("target/libcached.so");
        cache = project.resolve("target/libcached.aot");
        assertTrue(Files.isRegularFile(cache), built.output());
        trained = Files.readAllBytes(cache);
    }

    private static NativeHost.Run run(Map<String, String> environment) throws Exception {
        Files.deleteIfExists(classLog);
        NativeHost.Run run = NativeHost.run(library, environment, "--cycles", "1", "--events", "3");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe).contains("event 3 len=").contains("  cached.count = 3");
        return run;
    }

    /** Runs the plugin with {@code bytes} as its cache: it must start, with the DEBUG line and nothing else. */
    private static String runWithCache(byte[] bytes) throws Exception {
        Files.write(cache, bytes);
        try {
            NativeHost.Run run = run(Map.of());
            assertEquals("", run.stderr(), run.describe());
            List<String> notUsed = run.stdout().lines().filter(line -> line.startsWith(NOT_USED)).toList();
            assertEquals(1, notUsed.size(), run.describe());
            assertThat(run.stdout().lines()).as(run::describe)
                    .noneMatch(line -> line.startsWith("[") || line.contains("[cds]") || line.contains("[aot]")
                            || line.contains("sharing") && !line.startsWith(NOT_USED));
            return notUsed.getFirst().substring(NOT_USED.length());
        } finally {
            Files.write(cache, trained);
        }
    }

    private static long classes(String origin) throws Exception {
        return Files.readAllLines(classLog).stream()
                .filter(line -> line.contains(" dev.falcojava.") || line.contains(" com.example."))
                .filter(line -> line.contains(origin))
                .count();
    }

    @Test
    void theBuildTrainsTheCacheAndTheSdkAndPluginClassesComeFromIt() throws Exception {
        assertThat(buildOutput).contains("AOT cache " + cache + " (" + trained.length + " bytes)");
        NativeHost.Run run = run(Map.of());
        assertThat(run.stdout()).as(run::describe).doesNotContain(NOT_USED);
        assertEquals("", run.stderr(), run.describe());
        long shared = classes("source: shared objects file");
        long fromJar = classes("source: file:/proc/self/fd/");
        assertThat(shared).as("SDK and plugin classes served from the AOT cache").isGreaterThan(30);
        assertThat(fromJar * 20).as("classes read from the in-memory jar, at most one in twenty (%d of %d): the JVM may"
                + " leave a class out of the dump", fromJar, shared + fromJar).isLessThanOrEqualTo(shared);
        assertThat(Files.readAllLines(classLog)).as("the SDK's entry point")
                .anyMatch(line -> line.contains(" dev.falcojava.sdk.abi.Bootstrap source: shared objects file"));
        assertThat(Files.readAllLines(classLog)).as("the plugin class")
                .anyMatch(line -> line.contains(" com.example.cached.CachedPlugin source: shared objects file"));
    }

    @Test
    void theCacheHoldsThePluginsClassesAndNoMethodProfiles() throws Exception {
        Path printed = work.resolve("printed-cache.log");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "-XX:AOTCache=" + cache,
                "-XX:+PrintSharedArchiveAndExit")
                .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        assertEquals(0, java.waitFor(), Files.readString(printed));
        List<String> lines = Files.readAllLines(printed);
        assertThat(lines).as("the cache, as the JDK prints it").contains("archive is valid", "Archived TrainingData Dictionary")
                .anyMatch(line -> line.endsWith(" com.example.cached.CachedPlugin unregistered_loader"));
        int training = lines.indexOf("Archived TrainingData Dictionary");
        assertThat(lines.get(training + 1)).as("the first line after the training data, of which there is none")
                .startsWith("Number of shared symbols");
    }

    @Test
    void withoutACacheThePluginReadsItsClassesFromTheJarAndSaysWhyAtDebug() throws Exception {
        Files.delete(cache);
        try {
            NativeHost.Run run = run(Map.of());
            assertThat(run.stdout()).contains(NOT_USED + "there is no readable " + cache + "\n");
            assertEquals("", run.stderr(), run.describe());
            assertEquals(0, classes("source: shared objects file"));
            assertThat(classes("source: file:/proc/self/fd/")).isGreaterThan(30);
        } finally {
            Files.write(cache, trained);
        }
    }

    @Test
    void aCacheTrainedForOtherJvmOptionsIsRefusedAndInitStillWorks() throws Exception {
        Path foreign = work.resolve("foreign.aot");
        NativeHost.Run training = NativeHost.run(library, Map.of("JAVA_TOOL_OPTIONS", "-XX:-UseCompressedOops"),
                "--aot-train", foreign.toString(), "--events", "3");
        assertEquals(0, training.exitCode(), training.describe());
        assertThat(runWithCache(Files.readAllBytes(foreign))).startsWith("the Java runtime refused " + cache);
        assertTrue(classes("source: file:/proc/self/fd/") > 30, "the classes come from the jar");
    }

    @Test
    void aCacheOfAnotherProgramWithAnotherGcAndModulesIsRefusedAndInitStillWorks() throws Exception {
        Path other = work.resolve("other-program.aot");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:AOTCacheOutput=" + other, "-XX:+UseG1GC", "--add-modules", "java.sql", "-version")
                .redirectErrorStream(true).redirectOutput(work.resolve("other-program.log").toFile()).start();
        assertEquals(0, java.waitFor(), Files.readString(work.resolve("other-program.log")));
        assertThat(runWithCache(Files.readAllBytes(other))).startsWith("the Java runtime refused " + cache);
    }

    @Test
    void aTruncatedCacheIsRefusedAndInitStillWorks() throws Exception {
        assertThat(runWithCache(Arrays.copyOf(trained, trained.length / 3))).startsWith("the Java runtime refused " + cache);
    }

    @Test
    void aGarbageFileIsNotGivenToTheJvm() throws Exception {
        byte[] garbage = new byte[trained.length];
        new Random(16).nextBytes(garbage);
        assertThat(runWithCache(garbage)).startsWith(cache + " was not made by the runtime in use (");
    }

    @Test
    void javaToolOptionsThatTurnSharingOffSkipTheCacheInsteadOfEndingTheProcess() throws Exception {
        NativeHost.Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:off"));
        assertThat(run.stdout()).contains(NOT_USED + "JAVA_TOOL_OPTIONS sets class sharing (-Xshare)\n");
        assertEquals(0, classes("source: shared objects file"));
    }

    @Test
    void aCacheCopiedElsewhereWithTheLibraryIsStillServed() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("installed"));
        Path copy = Files.copy(library, elsewhere.resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(cache, elsewhere.resolve(cache.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(classLog);
        NativeHost.Run run = NativeHost.run(copy, Map.of(), "--cycles", "1", "--events", "3");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).doesNotContain(NOT_USED);
        assertThat(classes("source: shared objects file")).isGreaterThan(30);
    }
}
