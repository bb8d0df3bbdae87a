package dev.falcojava.cli;

import dev.falcojava.cli.building.BuildException;
import dev.falcojava.cli.editing.EditException;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.packaging.PackageException;
import picocli.CommandLine;

/**
 * The one place a command's failure is reported: a descriptor's problems as they are (each names its file, line and
 * column), every other expected failure after {@code falco-plugin COMMAND: }, with the code {@link ExitCodes} maps
 * it to. Anything else is a defect, and picocli reports it with its stack trace.
 */
public final class CommandErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        String message = switch (exception) {
            case DescriptorException e -> e.getMessage();
            case CliException e -> prefixed(command, e);
            case EditException e -> prefixed(command, e);
            case BuildException e -> prefixed(command, e);
            case PackageException e -> prefixed(command, e);
            case IllegalArgumentException e -> prefixed(command, e);
            default -> throw exception;
        };
        command.getErr().println(message);
        command.getErr().flush();
        return command.getExitCodeExceptionMapper().getExitCode(exception);
    }

    private static String prefixed(CommandLine command, Exception exception) {
        return "falco-plugin " + command.getCommandName() + ": " + exception.getMessage();
    }
}
