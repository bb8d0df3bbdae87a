package dev.falcojava.it.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every shell block of docs/getting-started.md, in order, in a scratch directory with {@code bin} of this
 * checkout beside it and on the PATH, as a reader would type them: the guide cannot rot silently.
 */
class GettingStartedCommandsTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static List<String> shellBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.equals("```sh")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void everyCommandOfTheGuideRunsAndBuildsTheLibraryItPromises() throws Exception {
        List<String> blocks = shellBlocks(Files.readString(REPOSITORY.resolve("docs/getting-started.md")));
        assertFalse(blocks.isEmpty(), "the guide has shell blocks");
        GeneratedProjects projects = new GeneratedProjects("guide-");
        Path work = projects.work();
        Files.createSymbolicLink(work.resolve("bin"), REPOSITORY.resolve("bin"));
        Path script = work.resolve("guide.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("", blocks));
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", REPOSITORY.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_HOME", projects.jdk().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), "the guide's commands took more than 15 minutes");
        assertEquals(0, process.exitValue(), "the guide's commands failed:\n" + String.join("--\n", blocks) + "\n" + output);
        assertTrue(Files.exists(work.resolve("my-plugin/target/libmy-plugin.so")), output);
        assertThat(output).contains("added field my_plugin.user_name (string)");
        assertThat(output).as(() -> "the quick start ran its plugin in the host: " + output).contains("\nok\n");
    }
}
