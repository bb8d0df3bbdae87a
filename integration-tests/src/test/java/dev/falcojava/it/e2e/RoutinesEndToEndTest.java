package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A capture listener made with the CLI subscribes routines to the native host's thread pool at capture open: they
 * run on the pool until they return false, throw (one log line, and the routine is unsubscribed) or are
 * unsubscribed; the host purges the rest after capture close.
 */
class RoutinesEndToEndTest {

    private static final String THROWN = "log 3 routines: routine thrower threw and was unsubscribed: boom on run 2"
            + " (at com.example.routines.RoutinesPlugin.lambda$captureOpened$2(RoutinesPlugin.java:34))";

    @Test
    void routinesRunOnTheHostsPoolUntilTheyEndOrAreUnsubscribed() throws Exception {
        Path resources = Path.of("src/test/resources/routines");
        GeneratedProjects projects = new GeneratedProjects("routines-");
        Path library = projects.newAndBuild("routines", List.of("--capabilities", "capture-listen"),
                GeneratedProjects.withPlugin(resources.resolve("RoutinesPlugin.java")))
                .resolve("target/libroutines.so");

        NativeHost.Run run = NativeHost.run(library, Map.of(), "--expect-caps", "capture-listen", "--cycles", "2",
                "--routine-runs", "5");
        assertEquals(0, run.exitCode(), run.describe());
        String cycle = """
                capture open
                routines: each ran 5 times or ended
                log 6 -: unsubscribed ticker: true, finite: false, finite ran 3 times, thrower 2 times
                log 6 -: ticker ran at least 5 times: true
                capture close
                routine 1: unsubscribed by the plugin after at least 5 runs
                routine 2: returned false after 3 runs
                routine 3: returned false after 2 runs
                routine 4: purged at capture close after at least 5 runs
                """;
        String withoutErrors = run.stdout().lines().filter(line -> !line.startsWith("log 3 "))
                .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        assertThat(withoutErrors).as(run::describe).contains("cycle 1\n" + cycle).contains("cycle 2\n" + cycle);
        assertThat(run.stdout().lines().filter(line -> line.startsWith("log 3 ")).toList()).as(run::describe)
                .as("one error line per throwing routine, logged from the pool's thread while capture_open may still run")
                .containsExactly(THROWN, THROWN);
    }
}
