package dev.falcojava.maven;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.MavenStep;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A goal that runs one falco-plugin command on the project, in Maven's JVM: what the command prints on standard
 * output goes to Maven's log as info; what it prints on standard error is logged as warnings when it succeeds, and
 * is the message of the build failure when it does not.
 */
abstract class FalcoPluginStep extends AbstractMojo {

    /** The plugin project: the directory of its plugin.yaml. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    void setBasedir(File basedir) {
        this.basedir = basedir;
    }

    Path projectDir() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /**
     * Runs {@code falco-plugin COMMAND ARGUMENTS... --dir <project>}.
     *
     * @throws MojoFailureException   when the project cannot be used (bad plugin.yaml, rules Falco would refuse)
     * @throws MojoExecutionException when a build step fails (the compiler, the capability check)
     */
    final void run(String command, List<String> arguments) throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(arguments);
        args.add("--dir");
        args.add(projectDir().toString());
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter out = new PrintWriter(new LineWriter(getLog()::info))) {
            code = MavenStep.run(args, out, new PrintWriter(err));
        }
        String problems = err.toString().strip();
        if (code == ExitCodes.OK) {
            problems.lines().forEach(getLog()::warn);
            return;
        }
        String message = "falco-plugin " + command + " failed (exit " + code + ")" + (problems.isEmpty() ? "" : ":\n" + problems);
        if (code == ExitCodes.USAGE) {
            throw new MojoFailureException(message);
        }
        throw new MojoExecutionException(message);
    }
}
