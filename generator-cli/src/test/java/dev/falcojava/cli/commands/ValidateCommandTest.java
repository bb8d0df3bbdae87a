package dev.falcojava.cli.commands;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class ValidateCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aValidDescriptorIsSummarized(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("plugin.yaml"), """
                name: demo
                version: 1.2.3
                description: d
                contact: c
                id: 7
                package: a.b
                capabilities:
                  source:
                    event-source: demo
                """);
        CliRun outcome = run("validate", "--dir", dir.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(dir.resolve("plugin.yaml") + " is valid: plugin demo 1.2.3, source of 'demo' events, required plugin API 3.3.0\n",
                outcome.out());
    }

    @Test
    void everyProblemIsPrintedWithItsPositionAndTheExitCodeIsTwo(@TempDir Path dir) throws Exception {
        Path descriptor = Files.writeString(dir.resolve("bad.yaml"), """
                name: Demo
                version: 1.2
                description: d
                contact: c
                package: a.b
                capabilities:
                  source:
                    event-source: syscall
                """);
        CliRun outcome = run("validate", descriptor.toString());
        assertEquals(2, outcome.exitCode());
        assertThat(outcome.err()).contains(descriptor + ":1:7: name 'Demo' is not valid");
        assertThat(outcome.err()).contains(descriptor + ":2:10: version '1.2' is not valid: major.minor.patch");
        assertThat(outcome.err()).contains(descriptor + ":8:19: event source 'syscall' is reserved");
        assertThat(outcome.err())
                .contains(descriptor + ":1:1: a plugin with the source capability needs an 'id'");
        assertThat(outcome.err()).endsWith("4 problems in " + descriptor + "\n");
    }

    @Test
    void aMissingFileIsAUsageError(@TempDir Path dir) {
        CliRun outcome = run("validate", dir.resolve("nothing.yaml").toString());
        assertEquals(2, outcome.exitCode());
        assertEquals("falco-plugin validate: no file " + dir.resolve("nothing.yaml") + "\n", outcome.err());
    }
}
