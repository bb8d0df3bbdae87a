package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.rules.RulesCheck;
import dev.falcojava.cli.rules.RulesReport;
import dev.falcojava.cli.rules.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code falco-plugin check-rules}: checks Falco rules files against the plugin's plugin.yaml. */
@Command(name = "check-rules", mixinStandardHelpOptions = true,
        description = "Check Falco rules files against the plugin, as Falco compiles them: fields, arguments, "
                + "operators and values, sources, macros and lists, outputs, required_plugin_versions. Each problem "
                + "is reported as file:line:column: error|warning: what is wrong and how to fix it.",
        footer = {"", "Exit codes: 0 no errors (warnings are printed), 2 an error Falco would refuse the rules for, "
                + "or bad usage.", "Examples:", "  falco-plugin check-rules                      # falco/*_rules.yaml of ./",
                "  falco-plugin check-rules --dir my-plugin my-plugin/falco/extra_rules.yaml"})
public final class CheckRulesCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Rules files, loaded in this order (default: the rules files in falco/ of --dir).")
    private List<Path> files = List.of();

    @Option(names = "--notes", description = "Also list the fields that could not be checked (of other plugins).")
    private boolean notes;

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<PluginDescriptor> descriptor = project.readDescriptor("check-rules", err);
        if (descriptor.isEmpty()) {
            return ExitCodes.USAGE;
        }
        List<Path> checked = files.isEmpty() ? RulesCheck.projectRulesFiles(project.projectDir()) : files;
        for (Path file : checked) {
            if (!Files.isRegularFile(file)) {
                err.println("falco-plugin check-rules: no file " + file);
                return ExitCodes.USAGE;
            }
        }
        if (checked.isEmpty()) {
            err.println("falco-plugin check-rules: no rules file in " + project.projectDir().resolve("falco")
                    + "; pass the files to check");
            return ExitCodes.USAGE;
        }
        return run(descriptor.get(), checked, spec.commandLine().getOut(), err, notes);
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
}
