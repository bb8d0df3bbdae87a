package dev.falcojava.cli;

/** Exit codes of the falco-plugin command. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** A build step (Maven, gcc) failed. */
    public static final int BUILD_FAILED = 1;
    /** Bad usage, or a descriptor or project that cannot be used. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
