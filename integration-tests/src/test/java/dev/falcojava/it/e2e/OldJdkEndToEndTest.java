package dev.falcojava.it.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Plain {@code mvn package} in a generated project, run by a JDK older than 25, stops at once with one line saying why. */
class OldJdkEndToEndTest {

    private static final Path OLD_JDK = Path.of(System.getProperty("falco.oldJdk", "/usr/lib/jvm/java-17-openjdk-amd64"));
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void mavenOnJava17SaysTheProjectNeedsJdk25AndHowToSetIt() throws Exception {
        assumeTrue(Files.isExecutable(OLD_JDK.resolve("bin/java")), "no JDK 17 at " + OLD_JDK);
        GeneratedProjects projects = new GeneratedProjects("old-jdk-");
        Path project = projects.newProject("oldjdk");

        String path = OLD_JDK.resolve("bin") + ":" + System.getenv("PATH");
        String onPath = mavenPackage(project, env -> {
            env.remove("JAVA_HOME");
            env.put("PATH", path);
        });
        String withJavaHome = mavenPackage(project, env -> {
            env.put("JAVA_HOME", OLD_JDK.toString());
            env.put("PATH", path);
        });
        for (String output : List.of(onPath, withJavaHome)) {
            List<String> message = output.lines().filter(line -> line.contains("this project needs JDK 25")).toList();
            assertEquals(1, message.size(), output);
            assertTrue(message.getFirst().matches("\\[ERROR] falco-plugin: this project needs JDK 25 or newer; Maven runs "
                    + "on Java 17\\.[0-9.]+ at " + OLD_JDK.toRealPath() + "; set JAVA_HOME to a JDK 25 home \\(export "
                    + "JAVA_HOME=/path/to/jdk-25\\) or build with falco-plugin build, which finds one"), message.getFirst());
            assertThat(output).doesNotContain("Unrecognized option");
            assertThat(output).as(() -> "nothing runs before the check:\n" + output)
                    .doesNotContain("falco-plugin-generate");
        }
        assertFalse(Files.exists(project.resolve("target")), "the build stopped before writing anything");
    }

    /** {@code mvn -B package} in {@code project}; asserts it failed and returns what it printed. */
    private static String mavenPackage(Path project, Consumer<Map<String, String>> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(System.getenv().getOrDefault("MAVEN_CMD", "mvn"), "-B", "package")
                .directory(project.toFile()).redirectErrorStream(true);
        environment.accept(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("mvn package did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertNotEquals(0, process.exitValue(), text);
        return text;
    }
}
