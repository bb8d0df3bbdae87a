package dev.falcojava.maven;

import dev.falcojava.cli.MavenStep;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The goals run the CLI's commands: their output reaches Maven's log, their failures fail the build with the message. */
class FalcoPluginStepTest {

    /** Maven's log, kept: "info: ..." and "warn: ..." lines. */
    private static final class KeptLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("info: " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("warn: " + content);
        }
    }

    private static <T extends FalcoPluginStep> T goal(T goal, Path project, KeptLog log) {
        goal.setBasedir(project.toFile());
        goal.setLog(log);
        return goal;
    }

    private static Path newProject(Path tmp) {
        Path project = tmp.resolve("demo");
        StringWriter err = new StringWriter();
        assertEquals(0, MavenStep.run(List.of("new", "demo", "--dir", project.toString()), new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        return project;
    }

    @Test
    void generateLogsWhatItRewroteAsInfo(@TempDir Path tmp) throws Exception {
        Path project = newProject(tmp);
        Path base = project.resolve("src/generated/java/com/example/demo/AbstractDemoPlugin.java");
        Files.delete(base);
        KeptLog log = new KeptLog();
        goal(new GenerateMojo(), project, log).execute();
        assertEquals(List.of("info: regenerated src/generated/java/com/example/demo/AbstractDemoPlugin.java"), log.lines);
        assertTrue(Files.isRegularFile(base));
    }

    @Test
    void aProjectThatCannotBeUsedIsABuildFailureWithTheCommandsMessage(@TempDir Path tmp) {
        MojoFailureException failed = assertThrows(MojoFailureException.class,
                () -> goal(new GenerateMojo(), tmp, new KeptLog()).execute());
        assertEquals("falco-plugin generate failed (exit 2):\nfalco-plugin generate: no plugin.yaml in " + tmp
                + "; pass --dir", failed.getMessage());
    }

    @Test
    void rulesFalcoWouldRefuseFailTheBuildAndGoodOnesAreLogged(@TempDir Path tmp) throws Exception {
        Path project = newProject(tmp);
        KeptLog log = new KeptLog();
        goal(new CheckRulesMojo(), project, log).execute();
        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.getFirst().startsWith("info: ") && log.lines.getFirst().endsWith("demo_rules.yaml: rules ok"),
                log.lines.toString());

        Path rules = project.resolve("falco/demo_rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("demo.count exists", "demo.count contains 1"));
        MojoFailureException failed = assertThrows(MojoFailureException.class,
                () -> goal(new CheckRulesMojo(), project, new KeptLog()).execute());
        assertTrue(failed.getMessage().startsWith("falco-plugin check-rules failed (exit 2):\n"), failed.getMessage());
        assertTrue(failed.getMessage().contains("demo_rules.yaml:9:25: error: 'contains' does not fit demo.count"),
                failed.getMessage());
    }

    @Test
    void aProjectWithoutRulesFilesPassesTheCheck(@TempDir Path tmp) throws Exception {
        Path project = newProject(tmp);
        Files.delete(project.resolve("falco/demo_rules.yaml"));
        KeptLog log = new KeptLog();
        goal(new CheckRulesMojo(), project, log).execute();
        assertEquals(List.of("info: no rules files in " + project.resolve("falco") + ": nothing to check"), log.lines);
    }

    @Test
    void aFailedBuildStepIsAnExecutionErrorAndLinkLeavesTheRulesToCheckRules(@TempDir Path tmp) throws Exception {
        Path project = newProject(tmp);
        Path rules = project.resolve("falco/demo_rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("demo.count exists", "demo.count contains 1"));
        MojoExecutionException failed = assertThrows(MojoExecutionException.class,
                () -> goal(new LinkMojo(), project, new KeptLog()).execute());
        assertEquals("falco-plugin link failed (exit 1):\nfalco-plugin link: no " + project.resolve("target/falco-plugin-all.jar")
                + ": run mvn package first (is the shade plugin still in pom.xml?)", failed.getMessage());
    }
}
