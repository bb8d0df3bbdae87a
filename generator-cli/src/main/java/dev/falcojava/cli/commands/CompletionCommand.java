package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.FalcoPluginCli;
import picocli.AutoComplete;
import picocli.CommandLine.Command;


/** {@code falco-plugin completion}: prints a bash (and zsh) completion script for every command and option. */
@Command(name = "completion",
        description = "Print a bash/zsh completion script for falco-plugin.",
        footer = {"", "Example:", "  source <(falco-plugin completion)"})
public final class CompletionCommand extends BaseCommand {

    @Override
    public Integer call() {
        out().print(AutoComplete.bash("falco-plugin", FalcoPluginCli.commandLine()));
        return ExitCodes.OK;
    }
}
