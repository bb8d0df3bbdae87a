package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.rules.RulesCheck;
import dev.falcojava.cli.rules.RulesReport;
import dev.falcojava.cli.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code falco-plugin check-rules}: checks Falco rules files against the plugin's plugin.yaml. */
@Command(name = "check-rules",
        description = "Check Falco rules files against the plugin, as Falco compiles them: fields, arguments, "
                + "operators and values, sources, macros and lists, outputs, required_plugin_versions. Each problem "
                + "is reported as file:line:column: error|warning: what is wrong and how to fix it.",
        footer = {"", "Exit codes: 0 no errors (warnings are printed), 2 an error Falco would refuse the rules for, "
                + "or bad usage.", "Examples:", "  falco-plugin check-rules                      # falco/*_rules.yaml of ./",
                "  falco-plugin check-rules --dir my-plugin my-plugin/falco/extra_rules.yaml"})
public final class CheckRulesCommand extends ProjectCommand {

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Rules files, loaded in this order (default: the rules files in falco/ of --dir).")
    private List<Path> files = List.of();

    @Option(names = "--notes", description = "Also list the fields that could not be checked (of other plugins).")
    private boolean notes;

    @Override
    public Integer call() throws Exception {
        PluginDescriptor descriptor = descriptor();
        List<Path> checked = files.isEmpty() ? RulesCheck.projectRulesFiles(projectDir()) : files;
        for (Path file : checked) {
            if (!Files.isRegularFile(file)) {
                throw CliException.usage("no file " + file);
            }
        }
        if (checked.isEmpty()) {
            throw CliException.usage("no rules file in " + projectDir().resolve("falco") + "; pass the files to check");
        }
        return run(descriptor, checked, out(), err(), notes);
    }

    /** Checks and prints; the exit code is {@link ExitCodes#USAGE} when Falco would refuse the rules. */
    static int run(PluginDescriptor descriptor, List<Path> files, PrintWriter out, PrintWriter err, boolean notes)
            throws IOException {
        RulesReport report = RulesCheck.check(descriptor, files);
        report.print(out, err, notes);
        return report.hasErrors() ? ExitCodes.USAGE : ExitCodes.OK;
    }

    /**
     * The check {@code build}, {@code validate} and {@code link} run on a project's rules files: prints problems and
     * returns false on an error; nothing is printed when there is no rules file or nothing to say.
     */
    static boolean projectRulesPass(PluginDescriptor descriptor, Path projectDir, PrintWriter out, PrintWriter err)
            throws IOException {
        List<Path> files = RulesCheck.projectRulesFiles(projectDir);
        if (files.isEmpty()) {
            return true;
        }
        RulesReport report = RulesCheck.check(descriptor, files);
        if (report.findings().stream().anyMatch(f -> f.severity() != Severity.NOTE)) {
            report.print(out, err, false);
        }
        return !report.hasErrors();
    }

    /** {@link #projectRulesPass}, stopping the command when Falco would refuse the rules. */
    static void requireProjectRulesPass(PluginDescriptor descriptor, Path projectDir, PrintWriter out, PrintWriter err)
            throws IOException {
        if (!projectRulesPass(descriptor, projectDir, out, err)) {
            throw CliException.usage("Falco would refuse the rules in " + projectDir.resolve("falco")
                    + "; fix them (falco-plugin check-rules) and build again");
        }
    }
}
