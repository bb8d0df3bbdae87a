package dev.falcojava.cli.commands;

import dev.falcojava.cli.FalcoPluginCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ValidateCommandTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FalcoPluginCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
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
        Outcome outcome = run("validate", "--dir", dir.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(dir.resolve("plugin.yaml") + " is valid: plugin demo 1.2.3, source of 'demo' events, required plugin API 3.0.0\n",
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
        Outcome outcome = run("validate", descriptor.toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains(descriptor + ":1:7: name 'Demo' is not valid"), outcome.err());
        assertTrue(outcome.err().contains(descriptor + ":2:10: version '1.2' is not valid: major.minor.patch"), outcome.err());
        assertTrue(outcome.err().contains(descriptor + ":8:19: event source 'syscall' is reserved"), outcome.err());
        assertTrue(outcome.err().contains(descriptor + ":1:1: a plugin with the source capability needs an 'id'"), outcome.err());
        assertTrue(outcome.err().endsWith("4 problems in " + descriptor + "\n"), outcome.err());
    }

    @Test
    void aMissingFileIsAUsageError(@TempDir Path dir) {
        Outcome outcome = run("validate", dir.resolve("nothing.yaml").toString());
        assertEquals(2, outcome.exitCode());
        assertEquals("falco-plugin validate: no file " + dir.resolve("nothing.yaml") + "\n", outcome.err());
    }
}
