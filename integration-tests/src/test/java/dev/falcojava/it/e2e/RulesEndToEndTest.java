package dev.falcojava.it.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code falco-plugin check-rules} through bin/falco-plugin on the examples and on fresh and grown projects. */
class RulesEndToEndTest {

    private static final Path EXAMPLES = FalcoPluginCli.REPO_ROOT.resolve("examples");

    private static FalcoPluginCli.Result checkRules(Path project) throws Exception {
        return FalcoPluginCli.run(Map.of(), "check-rules", "--dir", project.toString());
    }

    @Test
    void everyExampleShipsRulesFalcoLoads() throws Exception {
        for (String example : new String[]{"counter", "jsonlog", "threadstate", "fdbytes"}) {
            FalcoPluginCli.Result checked = checkRules(EXAMPLES.resolve(example));
            assertEquals(0, checked.exitCode(), example + ": " + checked.output());
            assertThat(checked.output()).endsWith(example + "_rules.yaml: rules ok\n");
        }
    }

    @Test
    void freshAndGrownProjectsPassAndAMistakeIsReportedWhereItIs() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("rules-");
        Path source = projects.work().resolve("k8sjava");
        Path syscall = projects.work().resolve("sysx");
        assertEquals(0, FalcoPluginCli.run(Map.of(), "new", "k8sjava", "--dir", source.toString()).exitCode());
        assertEquals(0, FalcoPluginCli.run(Map.of(), "new", "sysx", "--capabilities", "extract", "--dir",
                syscall.toString()).exitCode());
        for (Path project : new Path[]{source, syscall}) {
            FalcoPluginCli.Result fresh = checkRules(project);
            assertEquals(0, fresh.exitCode(), fresh.output());
            assertThat(fresh.output()).contains("rules ok");
        }

        FalcoPluginCli.Result added = FalcoPluginCli.run(Map.of(), "add-field", "k8sjava.verb", "--type", "string",
                "--dir", source.toString());
        assertEquals(0, added.exitCode(), added.output());
        FalcoPluginCli.Result capability = FalcoPluginCli.run(Map.of(), "add-capability", "parse", "--dir",
                source.toString());
        assertEquals(0, capability.exitCode(), capability.output());
        FalcoPluginCli.Result grown = checkRules(source);
        assertEquals(0, grown.exitCode(), grown.output());
        Path rules = source.resolve("falco/k8sjava_rules.yaml");
        assertThat(Files.readString(rules)).contains("k8sjava.verb=%k8sjava.verb");

        Files.writeString(source.resolve("falco/audit_rules.yaml"), """
                - list: sensitive_verbs
                  items: [create, delete]
                - macro: sensitive
                  condition: k8sjava.verb in (sensitive_verbs)
                - rule: Sensitive request
                  desc: A request that changes something
                  condition: sensitive and k8sjava.count contains 7
                  output: "%k8sjava.verb"
                  priority: WARNING
                  source: k8sjava
                """);
        FalcoPluginCli.Result broken = checkRules(source);
        assertEquals(2, broken.exitCode(), broken.output());
        Path shown = Path.of("").toAbsolutePath().relativize(source.resolve("falco/audit_rules.yaml").toAbsolutePath());
        assertThat(broken.output())
                .contains(shown + ":7:42: error: 'contains' does not fit k8sjava.count, a uint64 field");
        FalcoPluginCli.Result validate = FalcoPluginCli.run(Map.of(), "validate", "--dir", source.toString());
        assertEquals(2, validate.exitCode(), validate.output());
    }
}
