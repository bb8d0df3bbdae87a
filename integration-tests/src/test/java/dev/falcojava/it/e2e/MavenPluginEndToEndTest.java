package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated projects build with plain Maven through falco-plugin-maven-plugin: {@code mvn -q generate-sources} writes
 * src/generated (what an IDE runs), {@code mvn package} is the whole build. A pom.xml of the previous version, whose
 * steps run through exec-maven-plugin, keeps building with this CLI and SDK, and {@code falco-plugin upgrade} moves
 * it to the plugin. The SDK's sources and Javadoc jars are installed beside it.
 */
class MavenPluginEndToEndTest {

    private static final String VERSION = System.getProperty("falco.version");
    /** A pom.xml exactly as the previous version generated it for a project named demo. */
    private static final Path EXEC_STEPS_POM = FalcoPluginCli.REPO_ROOT.resolve(
            "generator-cli/src/test/resources/dev/falcojava/cli/editing/exec-steps-pom.xml");

    @Test
    void aNewProjectGeneratesItsSourcesAndBuildsItsLibraryWithPlainMaven() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("mojo-");
        Path project = projects.newProject("mvnplug");
        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).doesNotContain("exec-maven-plugin");
        assertThat(pom).contains("<artifactId>falco-plugin-maven-plugin</artifactId>");

        Path generated = project.resolve("src/generated");
        deleteTree(generated);
        FalcoPluginCli.Result sources = PlainMaven.run(project, projects.jdk(), "-q", "generate-sources");
        assertEquals(0, sources.exitCode(), sources.output());
        assertTrue(Files.isRegularFile(generated.resolve("java/com/example/mvnplug/AbstractMvnplugPlugin.java")),
                sources.output());
        assertTrue(Files.isRegularFile(generated.resolve("native/plugin_glue.c")), sources.output());
        assertFalse(Files.exists(project.resolve("target/classes")), "generate-sources compiles nothing");

        FalcoPluginCli.Result built = PlainMaven.run(project, projects.jdk(), "package");
        assertEquals(0, built.exitCode(), built.output());
        for (String goal : List.of("generate", "check-rules", "link")) {
            assertThat(built.output())
                    .contains("--- falco-plugin-maven-plugin:" + VERSION + ":" + goal + " (falco-plugin) @ mvnplug ---");
        }
        assertThat(built.output()).contains("Tests run: 1, Failures: 0, Errors: 0");
        Path library = project.resolve("target/libmvnplug.so");
        assertThat(built.output()).contains("[INFO] linked " + library);
        NativeHost.Run loaded = NativeHost.run(library, Map.of(), "--expect-caps", "source,extract", "--metadata-only");
        assertEquals(0, loaded.exitCode(), loaded.describe());
    }

    @Test
    void aPomOfThePreviousVersionKeepsBuildingAndUpgradeMovesItToThePlugin() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("mojo-old-");
        Path project = projects.newProject("demo");
        Path pom = project.resolve("pom.xml");
        String old = Files.readString(EXEC_STEPS_POM).replaceFirst("<falco-plugin-sdk.version>[^<]*<",
                "<falco-plugin-sdk.version>" + VERSION + "<");
        assertThat(old).contains("<mainClass>dev.falcojava.cli.MavenStep</mainClass>");
        Files.writeString(pom, old);

        FalcoPluginCli.Result oldBuild = PlainMaven.run(project, projects.jdk(), "-q", "package", "-DskipTests");
        assertEquals(0, oldBuild.exitCode(), oldBuild.output());
        assertThat(oldBuild.output())
                .contains("runs the falco-plugin steps through exec-maven-plugin; they keep working,"
                + " and falco-plugin upgrade binds them through falco-plugin-maven-plugin instead");
        assertThat(oldBuild.output()).contains("linked " + project.resolve("target/libdemo.so"));

        FalcoPluginCli.Result upgraded = FalcoPluginCli.run(Map.of("JAVA_HOME", projects.jdk().toString()), "upgrade",
                "--dir", project.toString());
        assertEquals(0, upgraded.exitCode(), upgraded.output());
        assertThat(Files.readString(pom)).doesNotContain("exec-maven-plugin");

        deleteTree(project.resolve("target"));
        FalcoPluginCli.Result newBuild = PlainMaven.run(project, projects.jdk(), "-q", "package", "-DskipTests",
                "-Dfalco.linkage=static");
        assertEquals(0, newBuild.exitCode(), newBuild.output());
        assertThat(newBuild.output()).doesNotContain("exec-maven-plugin");
        assertTrue(Files.isRegularFile(project.resolve("target/libdemo.a")), newBuild.output());
        assertTrue(Files.isRegularFile(project.resolve("target/demo.h")), newBuild.output());
        assertFalse(Files.exists(project.resolve("target/libdemo.so")), "the linkage given on the command line wins");
    }

    @Test
    void theSdkIsInstalledWithItsSourcesAndJavadoc() throws IOException {
        Path repository = Path.of(System.getProperty("falco.localRepository"));
        assertSourcesAndJavadoc(repository, "falco-plugin-sdk", "dev/falcojava/sdk/api/Plugin");
        assertSourcesAndJavadoc(repository, "falco-plugin-sdk-testing", "dev/falcojava/sdk/testing/PluginHarness");
    }

    private static void assertSourcesAndJavadoc(Path repository, String artifact, String type) throws IOException {
        Path dir = repository.resolve("dev/falcojava").resolve(artifact).resolve(VERSION);
        assertEntries(dir.resolve(artifact + "-" + VERSION + "-sources.jar"), type + ".java");
        assertEntries(dir.resolve(artifact + "-" + VERSION + "-javadoc.jar"), "index.html", type + ".html");
    }

    private static void assertEntries(Path jar, String... entries) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " is not installed");
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            for (String entry : entries) {
                assertThat(names).as(() -> jar + " has no " + entry).contains(entry);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
