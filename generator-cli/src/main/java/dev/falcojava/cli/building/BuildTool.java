package dev.falcojava.cli.building;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The external programs a plugin build runs, each overridable by an environment variable. */
public enum BuildTool {
    MAVEN("Maven", "MAVEN_CMD", "mvn", "-v", "install Maven 3.8 or newer (Debian: apt-get install maven), or set MAVEN_CMD"),
    GCC("C compiler", "CC", "gcc", "--version", "install gcc (Debian: apt-get install gcc), or set CC"),
    AR("archiver", "AR", "ar", "--version", "install binutils (Debian: apt-get install binutils), or set AR");

    private final String label;
    private final String variable;
    private final String defaultCommand;
    private final String versionFlag;
    private final String fix;

    BuildTool(String label, String variable, String defaultCommand, String versionFlag, String fix) {
        this.label = label;
        this.variable = variable;
        this.defaultCommand = defaultCommand;
        this.versionFlag = versionFlag;
        this.fix = fix;
    }

    public String label() {
        return label;
    }

    /** The command to run: the environment variable's value, or the default. */
    public String command() {
        return System.getenv().getOrDefault(variable, defaultCommand);
    }

    /**
     * The first line the tool prints about its version, run with {@code environment} (Maven needs the JAVA_HOME of the
     * build); fails with how to fix it when the tool does not run.
     */
    public String version(Map<String, String> environment) throws BuildException {
        ProcessRunner.Outcome outcome;
        try {
            outcome = ProcessRunner.run(List.of(command(), versionFlag), Path.of("."), environment);
        } catch (BuildException e) {
            throw new BuildException(command() + " does not run: " + fix);
        }
        if (outcome.exitCode() != 0) {
            throw new BuildException(command() + " " + versionFlag + " failed (exit " + outcome.exitCode() + "): " + fix);
        }
        return outcome.output().lines().filter(line -> !line.isBlank() && !line.startsWith("WARNING"))
                .findFirst().orElse("").replaceAll("\u001B\\[[0-9;]*m", "").strip();
    }
}
