package dev.falcojava.cli;

import dev.falcojava.cli.building.BuildException;
import dev.falcojava.cli.editing.EditException;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.packaging.PackageException;
import picocli.CommandLine;

/** Exit codes of the falco-plugin command, and the one mapping of what stopped a command to its code. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    /** Done. */
    public static final int OK = 0;
    /** A build step (Maven, gcc) or the plugin failed, or something unexpected happened. */
    public static final int BUILD_FAILED = 1;
    /** Bad usage, or a descriptor or project that cannot be used. */
    public static final int USAGE = 2;

    @Override
    public int getExitCode(Throwable exception) {
        return switch (exception) {
            case CliException e -> e.exitCode();
            case CommandLine.ParameterException e -> USAGE;
            case DescriptorException e -> USAGE;
            case EditException e -> USAGE;
            case IllegalArgumentException e -> USAGE;
            case BuildException e -> BUILD_FAILED;
            case PackageException e -> BUILD_FAILED;
            default -> BUILD_FAILED;
        };
    }
}
