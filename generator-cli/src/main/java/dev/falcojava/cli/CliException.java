package dev.falcojava.cli;

/**
 * Why a command stops, and with which exit code. {@link CommandErrors} prints the message after
 * {@code falco-plugin COMMAND: } on standard error.
 */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Bad usage, or a descriptor or project that cannot be used: {@link ExitCodes#USAGE}. */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** A build step or a plugin that failed: {@link ExitCodes#BUILD_FAILED}. */
    public static CliException failed(String message) {
        return new CliException(ExitCodes.BUILD_FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
