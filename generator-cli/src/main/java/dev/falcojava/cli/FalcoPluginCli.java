package dev.falcojava.cli;

import dev.falcojava.cli.commands.AddCapabilityCommand;
import dev.falcojava.cli.commands.AddFieldCommand;
import dev.falcojava.cli.commands.BuildCommand;
import dev.falcojava.cli.commands.CheckRulesCommand;
import dev.falcojava.cli.commands.CompletionCommand;
import dev.falcojava.cli.commands.DoctorCommand;
import dev.falcojava.cli.commands.GenerateCommand;
import dev.falcojava.cli.commands.HostCommand;
import dev.falcojava.cli.commands.InfoCommand;
import dev.falcojava.cli.commands.LinkCommand;
import dev.falcojava.cli.commands.NewCommand;
import dev.falcojava.cli.commands.OptionTypes;
import dev.falcojava.cli.commands.PackageCommand;
import dev.falcojava.cli.commands.RunCommand;
import dev.falcojava.cli.commands.UpgradeCommand;
import dev.falcojava.cli.commands.ValidateCommand;
import dev.falcojava.cli.installation.RepositoryInstall;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code falco-plugin} command. Picocli exits with {@link ExitCodes#USAGE} on invalid input. */
@Command(name = "falco-plugin", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Create, grow and build Falco plugins written in Java.",
        subcommands = {NewCommand.class, AddCapabilityCommand.class, AddFieldCommand.class, ValidateCommand.class, CheckRulesCommand.class, GenerateCommand.class, BuildCommand.class, LinkCommand.class, PackageCommand.class,
                InfoCommand.class, RunCommand.class, HostCommand.class, UpgradeCommand.class, CompletionCommand.class,
                DoctorCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 a build step failed, 2 bad usage, descriptor or rules.",
                "Example:", "  falco-plugin new my-plugin && cd my-plugin && falco-plugin build --shared"})
public final class FalcoPluginCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        RepositoryInstall.forRunningCli(System.getenv(), System.err);
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line; {@code host} passes the options it does not know to the native host. What a command throws
     * is reported by {@link CommandErrors}, with the exit code {@link ExitCodes} maps it to.
     */
    public static CommandLine commandLine() {
        CommandLine cli = OptionTypes.register(new CommandLine(new FalcoPluginCli()));
        cli.setExecutionExceptionHandler(new CommandErrors());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.getSubcommands().get("host").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
