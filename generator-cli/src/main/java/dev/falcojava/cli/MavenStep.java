package dev.falcojava.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;

/**
 * The falco-plugin commands as steps of a Maven build, run in Maven's own JVM: the goals of
 * {@code falco-plugin-maven-plugin} call {@link #run}, and poms made by earlier versions call {@link #main} through
 * exec-maven-plugin's {@code java} goal. Unlike {@link FalcoPluginCli#main} neither exits the JVM, which is Maven's.
 */
public final class MavenStep {

    private MavenStep() {
    }

    /** For exec-maven-plugin: a failed step throws, and Maven reports the build as failed. */
    public static void main(String[] args) {
        int code = FalcoPluginCli.commandLine().execute(args);
        if (code != ExitCodes.OK) {
            throw new IllegalStateException("falco-plugin " + String.join(" ", args) + " failed (exit " + code + ")");
        }
    }

    /**
     * Runs one command, printing on {@code out} and {@code err}.
     *
     * @return its exit code, one of {@link ExitCodes}
     */
    public static int run(List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine cli = FalcoPluginCli.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }
}
