package dev.falcojava.it.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/falco-plugin} launcher of this checkout, as a user would. */
final class FalcoPluginCli {

    static final Path REPO_ROOT = Path.of(System.getProperty("falco.repoRoot", "..")).toAbsolutePath().normalize();
    private static final long TIMEOUT_MINUTES = 10;

    private FalcoPluginCli() {
    }

    /** The outcome of one command: exit code and everything it printed (stdout and stderr interleaved). */
    record Result(int exitCode, String output) {
    }

    static Result run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        return run(Path.of(""), environment, arguments);
    }

    /** Runs a command in {@code directory}. */
    static Result run(Path directory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Process process = start(directory, List.of(), environment, arguments);
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("falco-plugin " + String.join(" ", arguments) + " did not finish in "
                    + TIMEOUT_MINUTES + " minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /**
     * Starts a command in {@code directory} (stdout and stderr together) without waiting for it; {@code launcher}
     * comes before the launcher script, which execs java, so that the process is the JVM.
     */
    static Process start(Path directory, List<String> launcher, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(REPO_ROOT.resolve("bin/falco-plugin").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toAbsolutePath().toFile());
        builder.environment().remove("FALCO_PLUGIN_JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
