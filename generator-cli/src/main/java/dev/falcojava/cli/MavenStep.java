package dev.falcojava.cli;

/**
 * The entry point generated poms run inside Maven (exec-maven-plugin's {@code java} goal) for the steps they bind:
 * {@code generate} before compiling, {@code link} after packaging. Unlike {@link FalcoPluginCli#main} it never
 * exits the JVM, which is Maven's: a failed step throws, and Maven reports the build as failed.
 */
public final class MavenStep {

    private MavenStep() {
    }

    public static void main(String[] args) {
        int code = FalcoPluginCli.commandLine().execute(args);
        if (code != ExitCodes.OK) {
            throw new IllegalStateException("falco-plugin " + String.join(" ", args) + " failed (exit " + code + ")");
        }
    }
}
