package dev.falcojava.cli.commands;

import dev.falcojava.cli.MavenStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class CheckRulesCommandTest {

    @TempDir
    Path tmp;
    private Path project;
    private Path rules;

    @BeforeEach
    void aFreshProject() {
        project = tmp.resolve("demo");
        CliRun.expecting(0, "new", "demo", "--dir", project.toString());
        rules = project.resolve("falco/demo_rules.yaml");
    }

    @Test
    void theStarterRulesOfANewProjectPassAndOnlyRulesFilesAreRead() {
        CliRun run = CliRun.of("check-rules", "--dir", project.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(rules + ": rules ok\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void theStarterRulesOfEveryKindOfPluginPass() throws Exception {
        String[] capabilities = {"source", "extract", "parse", "async", "capture-listen", "source,extract,parse,async"};
        for (int i = 0; i < capabilities.length; i++) {
            Path dir = tmp.resolve("kind" + i);
            CliRun.expecting(0, "new", "kind" + i, "--capabilities", capabilities[i], "--dir", dir.toString());
            CliRun run = CliRun.of("check-rules", "--dir", dir.toString());
            assertEquals(0, run.exitCode(), capabilities[i] + ": " + run.out() + run.err());
            assertEquals("", run.err(), capabilities[i]);
        }
        Path descriptor = Files.writeString(tmp.resolve("audit.yaml"), """
                name: audit
                version: 1.0.0
                description: d
                contact: c
                package: a.b
                capabilities:
                  parse:
                    event-sources: [k8s_audit]
                  async:
                    events: [audit_alert]
                    event-sources: [k8s_audit]
                """);
        Path audit = tmp.resolve("audit");
        CliRun.expecting(0, "new", "--from", descriptor.toString(), "--dir", audit.toString());
        assertThat(Files.readString(audit.resolve("falco/audit_rules.yaml"))).contains("source: \"k8s_audit\"");
        CliRun.expecting(0, "check-rules", "--dir", audit.toString());
    }

    @Test
    void aProblemIsReportedWithItsPlaceAndExitsTwo() throws Exception {
        Files.writeString(rules, Files.readString(rules).replace("demo.count exists", "demo.cnt exists"));
        String err = CliRun.refusing("check-rules", "--dir", project.toString());
        assertThat(err).contains(rules + ":9:14: error: plugin demo has no field demo.cnt; did you mean demo.count?");
        assertThat(err).endsWith(rules + ": 1 error, 0 warnings; Falco would refuse to load these rules\n");
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path extra = Files.writeString(project.resolve("falco/extra_rules.yaml"), """
                - macro: never_used
                  condition: demo.even = true
                """);
        CliRun run = CliRun.of("check-rules", "--dir", project.toString(), rules.toString(), extra.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertThat(run.err()).contains(extra + ":1:10: warning: macro never_used is not used");
        assertThat(run.out()).contains("2 rules files: 0 errors, 1 warning; Falco loads them with warnings");
    }

    @Test
    void withoutADescriptorOrWithAMissingFileItIsAUsageError() {
        assertThat(CliRun.refusing("check-rules", "--dir", tmp.toString())).contains("no plugin.yaml in " + tmp);
        assertThat(CliRun.refusing("check-rules", "--dir", project.toString(), tmp.resolve("nope.yaml").toString()))
                .contains("no file " + tmp.resolve("nope.yaml"));
    }

    @Test
    void validateAndBuildRunTheCheckAndBuildStopsBeforeMaven() throws Exception {
        Files.writeString(rules, Files.readString(rules).replace("source: \"demo\"", "source: syscall"));
        assertThat(CliRun.refusing("validate", "--dir", project.toString()))
                .contains(rules + ":12:11: error: source syscall is not a source of this plugin");
        assertThat(CliRun.refusing("build", "--dir", project.toString()))
                .contains("falco-plugin build: Falco would refuse the rules in " + project.resolve("falco"));
        assertFalse(Files.exists(project.resolve("target")), "Maven must not have run");
    }

    @Test
    void theLinkStepOfPlainMavenFailsOnBadRulesBeforeLinking() throws Exception {
        Files.writeString(rules, Files.readString(rules).replace("demo.count exists", "demo.count contains 1"));
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> MavenStep.main(new String[]{"link", "--dir", project.toString()}));
        assertThat(failed.getMessage()).contains("falco-plugin link --dir " + project + " failed (exit 2)");
    }

    @Test
    void addFieldAndAddCapabilityKeepAnUntouchedStarterInStep() throws Exception {
        CliRun.expecting(0, "add-field", "demo.user", "--type", "string", "--dir", project.toString());
        assertThat(Files.readString(rules)).contains("demo.user=%demo.user");
        CliRun.expecting(0, "add-capability", "parse", "--dir", project.toString());
        CliRun.expecting(0, "check-rules", "--dir", project.toString());
        Files.writeString(project.resolve("plugin.yaml"), Files.readString(project.resolve("plugin.yaml"))
                .replace("\"demo.count\"", "\"demo.total\""));
        String out = CliRun.expecting(0, "generate", "--dir", project.toString());
        assertThat(out).contains("regenerated falco/demo_rules.yaml");
        assertThat(Files.readString(rules)).contains("condition: demo.total exists");
        CliRun.expecting(0, "check-rules", "--dir", project.toString());
    }

    @Test
    void anEditedStarterIsTheUsersAndTheCheckSaysWhatToChange() throws Exception {
        String edited = Files.readString(rules).replace("priority: NOTICE", "priority: WARNING");
        Files.writeString(rules, edited);
        Files.writeString(project.resolve("plugin.yaml"), Files.readString(project.resolve("plugin.yaml"))
                .replace("\"demo.count\"", "\"demo.total\""));
        CliRun.expecting(0, "generate", "--dir", project.toString());
        assertEquals(edited, Files.readString(rules));
        String err = CliRun.expecting(2, "check-rules", "--dir", project.toString());
        assertThat(err).contains(rules + ":9:14: error: plugin demo has no field demo.count");
        assertThat(err).contains("the fields of plugin demo are demo.total, demo.message, demo.even");
    }
}
