package dev.falcojava.it.e2e;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project whose pom.xml is as earlier versions made it (no falco-plugin-sdk-testing dependency; its tests use the
 * harness): the build's generate step says to upgrade, {@code falco-plugin upgrade} adds the dependency, and the
 * project builds, its generated tests running through the JUnit extension. The plugin jar, and so the library that
 * embeds it, holds the SDK but no class of the test harness, nor any SDK class only the harness uses.
 */
class TestingArtifactEndToEndTest {

    private static final Pattern TESTING_DEPENDENCY = Pattern.compile(
            "\\n    <dependency>\\n      <!-- The test harness[^\\n]*\\n(?:[^\\n]*\\n){3}      <scope>test</scope>\\n    </dependency>");

    @Test
    void anEarlierProjectIsUpgradedAndItsPluginJarHoldsNoHarnessClass() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("testing-");
        Path project = projects.newProject("upg");
        Map<String, String> environment = Map.of("JAVA_HOME", projects.jdk().toString());
        Path pom = project.resolve("pom.xml");
        String current = Files.readString(pom);
        Files.writeString(pom, TESTING_DEPENDENCY.matcher(current).replaceFirst(""));
        String test = Files.readString(project.resolve("src/test/java/com/example/upg/UpgPluginTest.java"));
        assertThat(test).contains("import dev.falcojava.sdk.testing.PluginHarness;");

        FalcoPluginCli.Result generated = FalcoPluginCli.run(environment, "generate", "--dir", project.toString());
        assertEquals(0, generated.exitCode(), generated.output());
        assertThat(generated.output())
                .contains("falco-plugin: " + pom + " has no test-scoped dependency on"
                + " falco-plugin-sdk-testing, where the test harness (dev.falcojava.sdk.testing) lives now; run falco-plugin"
                + " upgrade");

        FalcoPluginCli.Result upgraded = FalcoPluginCli.run(environment, "upgrade", "--dir", project.toString());
        assertEquals(0, upgraded.exitCode(), upgraded.output());
        assertEquals(current, Files.readString(pom));

        FalcoPluginCli.Result built = FalcoPluginCli.run(environment, "build", "--dir", project.toString());
        assertEquals(0, built.exitCode(), built.output());
        assertTrue(built.output().contains("Tests run: ") || Files.isDirectory(project.resolve("target/surefire-reports")),
                built.output());
        assertTrue(Files.list(project.resolve("target/surefire-reports")).anyMatch(report ->
                report.getFileName().toString().equals("TEST-com.example.upg.UpgPluginTest.xml")), "the generated tests ran");

        try (JarFile jar = new JarFile(project.resolve("target/falco-plugin-all.jar").toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).as(names::toString).contains("dev/falcojava/sdk/abi/Bootstrap.class");
            assertThat(names).as(names::toString).contains("com/example/upg/UpgPlugin.class");
            assertEquals(List.of(), names.stream().filter(name -> name.startsWith("dev/falcojava/sdk/testing/")).toList());
            assertTrue(names.contains("dev/falcojava/sdk/abi/tables/OwnedTable.class"), names.toString());
            assertEquals(List.of(), names.stream().filter(name -> name.contains("HarnessSupport")).toList(),
                    "the SDK holds nothing only the harness uses");
        }
        String library = new String(Files.readAllBytes(project.resolve("target/libupg.so")), StandardCharsets.ISO_8859_1);
        assertThat(library).as(() -> "the library embeds the plugin jar")
                .contains("dev/falcojava/sdk/abi/Bootstrap.class");
        assertThat(library).as(() -> "no harness class in the library").doesNotContain("dev/falcojava/sdk/testing/");
        assertThat(library).as(() -> "no harness-only SDK class in the library").doesNotContain("HarnessSupport");
    }
}
