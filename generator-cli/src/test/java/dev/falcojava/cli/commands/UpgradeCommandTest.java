package dev.falcojava.cli.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpgradeCommandTest {

    /** The testing dependency of a generated pom, with the line it starts on: what projects of earlier versions lack. */
    private static final Pattern TESTING_DEPENDENCY = Pattern.compile(
            "\\n    <dependency>\\n      <!-- The test harness[^\\n]*\\n(?:[^\\n]*\\n){3}      <scope>test</scope>\\n    </dependency>");

    private static Path newProject(Path tmp) {
        Path project = tmp.resolve("demo");
        CliRun.expecting(0, "new", "demo", "--dir", project.toString());
        return project;
    }

    @Test
    void aPomOfAnEarlierVersionGetsTheTestingDependencyExactlyAsANewProjectHasItAndNothingElseChanges(@TempDir Path tmp)
            throws Exception {
        Path project = newProject(tmp);
        Path pom = project.resolve("pom.xml");
        String current = Files.readString(pom);
        String earlier = TESTING_DEPENDENCY.matcher(current).replaceFirst("");
        assertFalse(earlier.contains("falco-plugin-sdk-testing"), earlier);
        Files.writeString(pom, earlier);
        Path test = project.resolve("src/test/java/com/example/demo/DemoPluginTest.java");
        String userTest = Files.readString(test);

        assertEquals("upgraded " + pom + ": added the test-scoped dependency dev.falcojava:falco-plugin-sdk-testing"
                + " (the test harness)\n", CliRun.expecting(0, "upgrade", "--dir", project.toString()));
        assertEquals(current, Files.readString(pom));
        assertEquals(userTest, Files.readString(test));
        assertEquals("up to date: " + pom + " already depends on falco-plugin-sdk-testing\n",
                CliRun.expecting(0, "upgrade", "--dir", project.toString()));
    }

    @Test
    void theSdksVersionAndIndentationAreKept(@TempDir Path tmp) throws Exception {
        Path pom = Files.writeString(tmp.resolve("pom.xml"), """
                <project>
                \t<dependencies>
                \t\t<dependency>
                \t\t\t<groupId>dev.falcojava</groupId>
                \t\t\t<artifactId>falco-plugin-sdk</artifactId>
                \t\t\t<version>0.1.0</version>
                \t\t</dependency>
                \t</dependencies>
                </project>
                """);
        CliRun.expecting(0, "upgrade", "--dir", tmp.toString());
        String upgraded = Files.readString(pom);
        assertTrue(upgraded.contains("""
                \t\t</dependency>
                \t\t<dependency>
                \t\t  <!-- The test harness (dev.falcojava.sdk.testing): test scope, so it never reaches the plugin jar. -->
                \t\t  <groupId>dev.falcojava</groupId>
                \t\t  <artifactId>falco-plugin-sdk-testing</artifactId>
                \t\t  <version>0.1.0</version>
                \t\t  <scope>test</scope>
                \t\t</dependency>
                \t</dependencies>
                """), upgraded);
    }

    @Test
    void aPomWithoutTheSdkIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        String text = "<project><dependencies></dependencies></project>\n";
        Path pom = Files.writeString(tmp.resolve("pom.xml"), text);
        CliRun run = CliRun.of("upgrade", "--dir", tmp.toString());
        assertEquals(2, run.exitCode());
        assertEquals("falco-plugin upgrade: pom.xml has no <dependency> on dev.falcojava:falco-plugin-sdk to add"
                + " falco-plugin-sdk-testing next to; add it by hand (see a pom.xml made by falco-plugin new); nothing was"
                + " changed\n", run.err());
        assertEquals(text, Files.readString(pom));
    }

    @Test
    void noPomIsAUsageError(@TempDir Path tmp) {
        assertEquals("falco-plugin upgrade: no pom.xml in " + tmp + "; pass --dir\n",
                CliRun.expecting(2, "upgrade", "--dir", tmp.toString()));
    }
}
