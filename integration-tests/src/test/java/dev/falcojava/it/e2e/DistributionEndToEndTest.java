package dev.falcojava.it.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slow one: the CLI as a user gets it. {@code falco-plugin-VERSION.tar.gz} unpacked into a temporary folder, an
 * empty home (so an empty local Maven repository, which reaches Maven Central only), a PATH of system folders and the
 * unpacked {@code bin/}, no JAVA_HOME: {@code new}, {@code build --shared} and {@code run -n 3} work, and nothing of
 * this checkout is used.
 */
@Tag("slow")
class DistributionEndToEndTest {

    private static final String VERSION = System.getProperty("falco.version", "0.1.0-SNAPSHOT");
    private static final Path TARBALL = Path.of(System.getProperty("falco.distribution",
            "../distribution/target/falco-plugin-" + VERSION + ".tar.gz")).toAbsolutePath().normalize();
    private static final String CHECKOUT = FalcoPluginCli.REPO_ROOT.toString();
    private static final long TIMEOUT_MINUTES = 5;
    private static final List<String> ARTIFACTS = List.of("falco-plugin-sdk", "falco-plugin-sdk-testing",
            "falco-plugin-maven-plugin", "falco-plugin-cli");

    /** The system folders, and the one of the {@code mvn} this build runs with when it is elsewhere. */
    private static final String SYSTEM_PATH = systemPath();

    @TempDir
    Path scratch;

    @Test
    void theUnpackedDistributionCreatesBuildsAndRunsAPluginWithAnEmptyHome() throws Exception {
        assertFalse(scratch.toAbsolutePath().startsWith(FalcoPluginCli.REPO_ROOT), "scratch folder inside the checkout");
        assertFalse(SYSTEM_PATH.contains(CHECKOUT), SYSTEM_PATH);
        Path installation = scratch.resolve("falco-plugin-" + VERSION);
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path work = Files.createDirectories(scratch.resolve("work"));
        run(scratch, List.of("tar", "-xzf", TARBALL.toString(), "-C", scratch.toString()));
        Path m2 = home.resolve(".m2/repository");

        String version = falcoPlugin(installation, home, work, "--version");
        assertTrue(version.contains("falco-plugin " + VERSION + "\ninstallation: " + installation + " (distribution)\n"),
                version);
        assertTrue(version.contains("falco-plugin: installed the SDK, the test harness and falco-plugin-maven-plugin "
                + VERSION + " from " + installation.resolve("repo") + " into the local Maven repository " + m2 + " ("),
                version);

        String created = falcoPlugin(installation, home, work, "new", "demo");
        Path project = work.resolve("demo");
        assertTrue(created.contains("created " + project + " (plugin demo)"), created);
        String built = falcoPlugin(installation, home, project, "build", "--shared");
        assertTrue(built.contains("built " + project.resolve("target/libdemo.so") + " ("), built);
        String ran = falcoPlugin(installation, home, project, "run", "target/libdemo.so", "-n", "3");
        List<String> events = ran.lines().filter(line -> line.contains(": demo event ")).toList();
        assertEquals(3, events.size(), ran);
        for (int i = 1; i <= 3; i++) {
            assertTrue(events.get(i - 1).endsWith(": demo event " + i + " (demo event " + i + ") demo.count=" + i
                    + " demo.message=demo event " + i + " demo.even=" + (i % 2 == 0)), ran);
        }

        for (String artifact : ARTIFACTS) {
            String file = "dev/falcojava/" + artifact + "/" + VERSION + "/" + artifact + "-" + VERSION + ".jar";
            assertEquals(-1, Files.mismatch(installation.resolve("repo").resolve(file), m2.resolve(file)),
                    "the build used the " + artifact + " of the distribution's repo/: " + file);
        }
        String shade;
        try (Stream<Path> files = Files.walk(m2.resolve("org/apache/maven/plugins/maven-shade-plugin"))) {
            shade = Files.readString(files.filter(file -> file.endsWith("_remote.repositories")).findFirst().orElseThrow());
        }
        assertTrue(shade.contains(">central="), "Maven's own plugins came from Central into the empty home: " + shade);
        for (String output : List.of(version, created, built, ran)) {
            assertFalse(output.contains(CHECKOUT), output);
        }
        assertNoMentionOfTheCheckout(project);
        assertNoMentionOfTheCheckout(home);
        assertNoMentionOfTheCheckout(installation);
    }

    @Test
    void theZipHoldsWhatTheTarballHolds() throws Exception {
        Set<String> tar = new TreeSet<>(run(scratch, List.of("tar", "-tzf", TARBALL.toString())).lines()
                .filter(entry -> !entry.endsWith("/")).toList());
        Set<String> zip = new TreeSet<>();
        Path zipFile = TARBALL.resolveSibling("falco-plugin-" + VERSION + ".zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    zip.add(entry.getName());
                }
            }
        }
        assertEquals(tar, zip);
        String root = "falco-plugin-" + VERSION + "/";
        for (String entry : List.of("bin/falco-plugin", "bin/lib/jdk.sh", "lib/falco-plugin-cli-" + VERSION + ".jar",
                "lib/falco-plugin-sdk-" + VERSION + ".jar", "lib/picocli-4.7.7.jar",
                "repo/dev/falcojava/falco-plugin-java/" + VERSION + "/falco-plugin-java-" + VERSION + ".pom")) {
            assertTrue(tar.contains(root + entry), entry + " is missing: " + tar);
        }
        for (String artifact : ARTIFACTS) {
            String folder = root + "repo/dev/falcojava/" + artifact + "/" + VERSION + "/" + artifact + "-" + VERSION;
            assertTrue(tar.contains(folder + ".jar") && tar.contains(folder + ".pom"), folder + ": " + tar);
        }
        String launcher = run(scratch, List.of("tar", "-tvzf", TARBALL.toString(), root + "bin/falco-plugin"));
        assertTrue(launcher.startsWith("-rwxr-xr-x "), launcher);
    }

    private static String systemPath() {
        String system = "/usr/local/bin:/usr/bin:/bin";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return List.of(system.split(":")).contains(dir) ? system : system + ":" + dir;
            }
        }
        return system;
    }

    /** No file under {@code dir}, text or binary, holds the checkout's path. */
    private static void assertNoMentionOfTheCheckout(Path dir) throws IOException {
        byte[] needle = CHECKOUT.getBytes(StandardCharsets.UTF_8);
        List<Path> mentioning = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), needle)) {
                    mentioning.add(file);
                }
            }
        }
        assertEquals(List.of(), mentioning, "files that name the checkout " + CHECKOUT);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * {@code falco-plugin} as a shell finds it on the PATH, in {@code directory}, with an environment of nothing but a PATH of system folders and
     * the installation's bin/, and the empty home: HOME, and for the JVMs (which take the home from the password
     * database, not from HOME) user.home in MAVEN_OPTS and the CLI's cache folder. Asserts it succeeded.
     */
    private static String falcoPlugin(Path installation, Path home, Path directory, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec falco-plugin \"$@\"", "falco-plugin"));
        command.addAll(List.of(arguments));
        return run(directory, command, Map.of("PATH", SYSTEM_PATH + ":" + installation.resolve("bin"),
                "HOME", home.toString(), "MAVEN_OPTS", "-Duser.home=" + home,
                "XDG_CACHE_HOME", home.resolve(".cache").toString(), "LANG", "C.UTF-8"));
    }

    private static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        return run(directory, command, null);
    }

    private static String run(Path directory, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " in " + directory + ":\n" + text);
        return text;
    }
}
