package dev.falcojava.cli.building;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a build tool and captures what it printed. */
final class ProcessRunner {

    /** What a finished process returned and printed (stdout and stderr interleaved). */
    record Outcome(int exitCode, String output) {
    }

    private ProcessRunner() {
    }

    static Outcome run(List<String> command, Path directory, Map<String, String> environment) throws BuildException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(process.waitFor(), output);
        } catch (IOException e) {
            throw new BuildException("cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException(command.getFirst() + " was interrupted");
        }
    }
}
