package dev.falcojava.cli.commands;

import dev.falcojava.cli.FalcoPluginCli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One in-process run of the falco-plugin command.
 *
 * @param exitCode its exit code
 * @param out      what it printed on standard output
 * @param err      what it printed on standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FalcoPluginCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs the command, asserts its exit code, and returns standard output followed by standard error. */
    static String expecting(int exitCode, String... args) {
        CliRun run = of(args);
        assertEquals(exitCode, run.exitCode(), run.out() + "\n" + run.err());
        return run.out() + run.err();
    }

    /** Runs the command, asserts that it refuses its input (exit 2), and returns standard error. */
    static String refusing(String... args) {
        CliRun run = of(args);
        assertEquals(2, run.exitCode(), run.out() + "\n" + run.err());
        return run.err();
    }
}
