package dev.falcojava.it.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Maven itself, run in a generated project as a user or an IDE would, without the falco-plugin command. */
final class PlainMaven {

    private static final long TIMEOUT_MINUTES = 10;

    private PlainMaven() {
    }

    /** {@code mvn -B ARGUMENTS...} in {@code project} with {@code jdk} as JAVA_HOME; stdout and stderr together. */
    static FalcoPluginCli.Result run(Path project, Path jdk, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("MAVEN_CMD", "mvn"), "-B"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().remove("FALCO_PLUGIN_JAVA_HOME");
        builder.environment().put("JAVA_HOME", jdk.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("mvn " + String.join(" ", arguments) + " did not finish in " + TIMEOUT_MINUTES
                    + " minutes");
        }
        return new FalcoPluginCli.Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
