package dev.falcojava.cli.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpgradeCommandTest {

    /** The testing dependency of a generated pom, with the line it starts on: what projects of earlier versions lack. */
    private static final Pattern TESTING_DEPENDENCY = Pattern.compile(
            "\\n    <dependency>\\n      <!-- The test harness[^\\n]*\\n(?:[^\\n]*\\n){3}      <scope>test</scope>\\n    </dependency>");

    /** A pom.xml exactly as the previous version generated it for a project named demo: exec-maven-plugin steps. */
    private static final String EXEC_STEPS_POM = "/dev/falcojava/cli/editing/exec-steps-pom.xml";
    private static final Pattern SDK_VERSION = Pattern.compile("<falco-plugin-sdk.version>([^<]*)</falco-plugin-sdk.version>");
    private static final String MIGRATED = "the falco-plugin steps run through dev.falcojava:falco-plugin-maven-plugin"
            + " instead of exec-maven-plugin";

    /** The start of a pom.xml indented with tabs, up to its dependency on the SDK 0.1.0. */
    private static final String TABBED_SDK_DEPENDENCY = """
                <project>
                \t<dependencies>
                \t\t<dependency>
                \t\t\t<groupId>dev.falcojava</groupId>
                \t\t\t<artifactId>falco-plugin-sdk</artifactId>
                \t\t\t<version>0.1.0</version>
                \t\t</dependency>
                """;

    private static String execStepsPom() throws IOException {
        try (InputStream in = UpgradeCommandTest.class.getResourceAsStream(EXEC_STEPS_POM)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code pom} of a new project, with the SDK version {@code like} has: upgrade keeps the project's version. */
    private static String withSdkVersionOf(String pom, String like) {
        Matcher version = SDK_VERSION.matcher(like);
        assertTrue(version.find(), like);
        return SDK_VERSION.matcher(pom).replaceFirst(Matcher.quoteReplacement(version.group()));
    }

    private static Path newProject(Path tmp) {
        Path project = tmp.resolve("demo");
        CliRun.expecting(0, "new", "demo", "--dir", project.toString());
        return project;
    }

    /** Runs upgrade on a pom.xml of {@code text}, which it must refuse (exit 2) and leave as it was; returns its error. */
    private static String refusal(Path tmp, String text) throws IOException {
        Path pom = Files.writeString(tmp.resolve("pom.xml"), text);
        CliRun run = CliRun.of("upgrade", "--dir", tmp.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(text, Files.readString(pom));
        return run.err();
    }

    @Test
    void aPomOfAnEarlierVersionGetsTheTestingDependencyExactlyAsANewProjectHasItAndNothingElseChanges(@TempDir Path tmp)
            throws Exception {
        Path project = newProject(tmp);
        Path pom = project.resolve("pom.xml");
        String current = Files.readString(pom);
        String earlier = TESTING_DEPENDENCY.matcher(current).replaceFirst("");
        assertThat(earlier).doesNotContain("falco-plugin-sdk-testing");
        Files.writeString(pom, earlier);
        Path test = project.resolve("src/test/java/com/example/demo/DemoPluginTest.java");
        String userTest = Files.readString(test);

        assertEquals("upgraded " + pom + ": added the test-scoped dependency dev.falcojava:falco-plugin-sdk-testing"
                + " (the test harness)\n", CliRun.expecting(0, "upgrade", "--dir", project.toString()));
        assertEquals(current, Files.readString(pom));
        assertEquals(userTest, Files.readString(test));
        assertEquals("up to date: nothing to change in " + pom + "\n",
                CliRun.expecting(0, "upgrade", "--dir", project.toString()));
    }

    @Test
    void theSdksVersionAndIndentationAreKept(@TempDir Path tmp) throws Exception {
        Path pom = Files.writeString(tmp.resolve("pom.xml"), TABBED_SDK_DEPENDENCY + """
                \t</dependencies>
                </project>
                """);
        CliRun.expecting(0, "upgrade", "--dir", tmp.toString());
        String upgraded = Files.readString(pom);
        assertThat(upgraded)
                .contains("""
                \t\t</dependency>
                \t\t<dependency>
                \t\t  <!-- The test harness (dev.falcojava.sdk.testing): test scope, so it never reaches the plugin jar. -->
                \t\t  <groupId>dev.falcojava</groupId>
                \t\t  <artifactId>falco-plugin-sdk-testing</artifactId>
                \t\t  <version>0.1.0</version>
                \t\t  <scope>test</scope>
                \t\t</dependency>
                \t</dependencies>
                """);
    }

    @Test
    void aPomWithoutTheSdkIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        assertEquals("falco-plugin upgrade: pom.xml has no <dependency> on dev.falcojava:falco-plugin-sdk to add"
                + " falco-plugin-sdk-testing next to; add it by hand (see a pom.xml made by falco-plugin new); nothing was"
                + " changed\n", refusal(tmp, "<project><dependencies></dependencies></project>\n"));
    }

    @Test
    void noPomIsAUsageError(@TempDir Path tmp) {
        assertEquals("falco-plugin upgrade: no pom.xml in " + tmp + "; pass --dir\n",
                CliRun.expecting(2, "upgrade", "--dir", tmp.toString()));
    }

    /** The poms of earlier versions that upgrade migrates, and what it says it changed. */
    static Stream<Arguments> earlierPoms() {
        return Stream.of(
                Arguments.of("the previous version: exec steps", false, MIGRATED),
                Arguments.of("an even earlier version: exec steps and no testing dependency", true,
                        "added the test-scoped dependency dev.falcojava:falco-plugin-sdk-testing (the test harness); " + MIGRATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("earlierPoms")
    void aPomWithTheExecStepsOfAnEarlierVersionBecomesExactlyTheNewProjectsPom(String version, boolean withoutTesting,
                                                                               String changes, @TempDir Path tmp) throws Exception {
        Path project = newProject(tmp);
        Path pom = project.resolve("pom.xml");
        String old = execStepsPom();
        String expected = withSdkVersionOf(Files.readString(pom), old);
        assertThat(old).contains("<artifactId>exec-maven-plugin</artifactId>");
        assertThat(expected).doesNotContain("exec-maven-plugin");
        Files.writeString(pom, withoutTesting ? TESTING_DEPENDENCY.matcher(old).replaceFirst("") : old);

        assertEquals("upgraded " + pom + ": " + changes + "\n", CliRun.expecting(0, "upgrade", "--dir", project.toString()));
        assertEquals(expected, Files.readString(pom));
        assertEquals("up to date: nothing to change in " + pom + "\n",
                CliRun.expecting(0, "upgrade", "--dir", project.toString()));
    }

    @Test
    void theExecBlocksIndentationAndTheCliVersionItNamedAreKept(@TempDir Path tmp) throws Exception {
        String old = execStepsPom();
        String execBlock = old.substring(old.indexOf("      <plugin>\n        <!-- The falco-plugin steps"),
                old.indexOf("    </plugins>"));
        String tabbed = execBlock.replace("${falco-plugin-sdk.version}", "0.1.0").replace("  ", "\t");
        Path pom = Files.writeString(tmp.resolve("pom.xml"), TABBED_SDK_DEPENDENCY + """
                \t\t<dependency>
                \t\t\t<groupId>dev.falcojava</groupId>
                \t\t\t<artifactId>falco-plugin-sdk-testing</artifactId>
                \t\t\t<version>0.1.0</version>
                \t\t\t<scope>test</scope>
                \t\t</dependency>
                \t</dependencies>
                \t<build>
                \t\t<plugins>
                """ + tabbed + """
                \t\t</plugins>
                \t</build>
                </project>
                """);
        assertEquals("upgraded " + pom + ": " + MIGRATED + "\n", CliRun.expecting(0, "upgrade", "--dir", tmp.toString()));
        String upgraded = Files.readString(pom);
        assertThat(upgraded)
                .contains("""
                \t\t</plugins>
                \t</build>
                </project>
                """);
        assertThat(upgraded)
                .contains("""
                \t\t<plugins>
                \t\t\t<plugin>
                \t\t\t  <!-- The falco-plugin steps: generate (generate-sources) and check-rules (process-resources) before compiling,
                \t\t\t       link (package) after the shade step: same phase, declared later. -->
                \t\t\t  <groupId>dev.falcojava</groupId>
                \t\t\t  <artifactId>falco-plugin-maven-plugin</artifactId>
                \t\t\t  <version>0.1.0</version>
                \t\t\t  <executions>
                """);
        assertThat(upgraded).doesNotContain("exec-maven-plugin");
    }

    /** Changes of the exec block that upgrade cannot carry over: the text replaced, its replacement, the refusal. */
    static Stream<Arguments> execBlocksOfTheirOwn() {
        String link = "          <execution>\n            <id>falco-plugin-link</id>";
        return Stream.of(
                Arguments.of(link, "          <execution>\n            <id>print-env</id>\n"
                                + "            <goals>\n              <goal>exec</goal>\n            </goals>\n          </execution>\n" + link,
                        "has executions of its own (print-env)"),
                Arguments.of("<argument>${falco.linkage}</argument>", "<argument>static</argument>",
                        "passes the falco-plugin steps other arguments than falco-plugin generated (generate --dir"
                                + " ${project.basedir} link --linkage static --dir ${project.basedir})"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("execBlocksOfTheirOwn")
    void anExecBlockWithStepsOfItsOwnIsRefusedAndLeftAsItWas(String original, String changed, String refusal,
                                                             @TempDir Path tmp) throws Exception {
        String old = execStepsPom().replace(original, changed);
        assertThat(old).contains(changed);
        assertEquals("falco-plugin upgrade: the exec-maven-plugin block in pom.xml " + refusal + "; replace it by hand"
                + " with the falco-plugin-maven-plugin block of a pom.xml made by falco-plugin new; nothing was changed\n",
                refusal(tmp, old));
    }

    @Test
    void anExecBlockOfAnotherProgramIsNotTheFalcoPluginSteps(@TempDir Path tmp) throws Exception {
        String old = execStepsPom().replace("<mainClass>dev.falcojava.cli.MavenStep</mainClass>",
                "<mainClass>com.example.Tool</mainClass>");
        assertThat(old).contains("com.example.Tool");
        Path pom = Files.writeString(tmp.resolve("pom.xml"), old);
        assertEquals("up to date: nothing to change in " + pom + "\n", CliRun.expecting(0, "upgrade", "--dir", tmp.toString()));
        assertEquals(old, Files.readString(pom));
    }
}
