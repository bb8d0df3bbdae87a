package dev.falcojava.cli.commands;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every command shares: help and version options, and its output streams. A command returns its exit code or
 * throws; {@link dev.falcojava.cli.CommandErrors} reports what it throws.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class BaseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Whether the user gave {@code option} on the command line (rather than its default). */
    protected final boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
