package dev.falcojava.cli.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class GenerateCommandTest {

    private static String run(int expectedExit, String... args) {
        return CliRun.expecting(expectedExit, args);
    }

    @Test
    void regeneratesDerivedFilesOnlyAndASecondRunChangesNothing(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("demo");
        run(0, "new", "demo", "--dir", project.toString());
        Path base = project.resolve("src/generated/java/com/example/demo/AbstractDemoPlugin.java");
        Path user = project.resolve("src/main/java/com/example/demo/DemoPlugin.java");
        String generated = Files.readString(base);
        Files.writeString(base, "edited by hand");
        Files.writeString(user, Files.readString(user) + "// mine\n");

        assertEquals("regenerated src/generated/java/com/example/demo/AbstractDemoPlugin.java\n",
                run(0, "generate", "--dir", project.toString()));
        assertEquals(generated, Files.readString(base));
        assertThat(Files.readString(user)).endsWith("// mine\n");
        assertEquals("up to date: nothing to regenerate in " + project + "\n", run(0, "generate", "--dir", project.toString()));
    }

    @Test
    void aProjectWithoutDescriptorIsAUsageError(@TempDir Path tmp) {
        assertEquals("falco-plugin generate: no plugin.yaml in " + tmp + "; pass --dir\n", run(2, "generate", "--dir", tmp.toString()));
    }

    @Test
    void aPomWithTheExecStepsOfThePreviousVersionIsPointedToUpgrade(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("demo");
        run(0, "new", "demo", "--dir", project.toString());
        Path pom = project.resolve("pom.xml");
        try (var in = GenerateCommandTest.class.getResourceAsStream("/dev/falcojava/cli/editing/exec-steps-pom.xml")) {
            Files.write(pom, in.readAllBytes());
        }
        CliRun generated = CliRun.of("generate", "--dir", project.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        assertEquals("falco-plugin: " + pom + " runs the falco-plugin steps through exec-maven-plugin; they keep"
                + " working, and falco-plugin upgrade binds them through falco-plugin-maven-plugin instead\n", generated.err());
        CliRun.expecting(0, "upgrade", "--dir", project.toString());
        assertEquals("", CliRun.of("generate", "--dir", project.toString()).err());
    }
}
