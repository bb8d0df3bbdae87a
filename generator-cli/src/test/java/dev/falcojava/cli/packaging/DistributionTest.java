package dev.falcojava.cli.packaging;

import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class DistributionTest {

    private static final String DESCRIPTOR = """
            name: demo
            version: 0.1.0
            description: A demo
            contact: https://example.com
            id: 999
            package: com.example.demo
            capabilities:
              source:
                event-source: demo
            """;

    @TempDir
    Path project;

    private PluginDescriptor descriptor() throws Exception {
        Files.writeString(project.resolve("plugin.yaml"), DESCRIPTOR);
        return DescriptorReader.read(project.resolve("plugin.yaml"));
    }

    private String refused(Distribution.Options options, ArtifactCheck check) throws Exception {
        PluginDescriptor descriptor = descriptor();
        return assertThrows(PackageException.class, () -> Distribution.write(project, descriptor, options, check)).getMessage();
    }

    private void builtWithRules() throws Exception {
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/libdemo.so"), "library");
        Files.createDirectories(project.resolve("falco"));
        Files.writeString(project.resolve("falco/registry.yaml"), "- name: \"demo\"\n");
        Files.writeString(project.resolve("falco/falco.yaml"), "plugins: []\n");
        Files.writeString(project.resolve("falco/demo_rules.yaml"), "- rule: x\n");
    }

    @Test
    void badOptionsAreRefusedWithTheirName() throws Exception {
        assertEquals("--falco-version 'latest version' is not an image tag, for example 0.41.3",
                refused(new Distribution.Options("latest version", "ghcr.io/example"), ArtifactCheck.validate()));
        assertEquals("--oci-repository 'ghcr.io/Example Repo' is not an OCI repository, for example ghcr.io/example/falco-plugins",
                refused(new Distribution.Options("0.41.3", "ghcr.io/Example Repo"), ArtifactCheck.validate()));
    }

    @Test
    void aProjectNotBuiltSharedIsRefused() throws Exception {
        assertEquals("no " + project.resolve("target/libdemo.so") + ": falcoctl installs shared libraries; run "
                + "falco-plugin build --shared first", refused(new Distribution.Options("0.41.3", "ghcr.io/example"), ArtifactCheck.validate()));
    }

    @Test
    void theRulesCheckStopsPackagingAndNothingIsWritten() throws Exception {
        builtWithRules();
        List<Path> checked = new java.util.ArrayList<>();
        String message = refused(new Distribution.Options("0.41.3", "ghcr.io/example"), (dir, descriptor, rules) -> {
            checked.addAll(rules);
            return List.of("falco/demo_rules.yaml:1:3: a problem");
        });
        assertEquals(List.of(project.resolve("falco/demo_rules.yaml")), checked, "the derived falco.yaml and registry.yaml are no rules");
        assertEquals("the rules are not packaged, they have problems:\n  falco/demo_rules.yaml:1:3: a problem", message);
        assertFalse(Files.exists(project.resolve("target/dist")));
    }

    @Test
    void theValidateCheckReportsDescriptorProblems() throws Exception {
        builtWithRules();
        Files.writeString(project.resolve("plugin.yaml"), DESCRIPTOR.replace("id: 999", "id: 0"));
        List<String> problems = ArtifactCheck.validate().problems(project, project.resolve("plugin.yaml"), List.of());
        assertEquals(1, problems.size(), problems.toString());
        assertThat(problems.getFirst()).as(problems::toString).contains("id must be from 1 to 4294967295");
    }

    @Test
    void packagingRunsTheRulesCheckOfCheckRules() throws Exception {
        builtWithRules();
        descriptor();
        Files.writeString(project.resolve("falco/demo_rules.yaml"), """
                - rule: Demo
                  desc: a demo rule
                  condition: demo.nope = 1
                  output: "demo %evt.num"
                  priority: NOTICE
                  source: demo
                """);
        List<String> problems = ArtifactCheck.beforePackaging().problems(project, project.resolve("plugin.yaml"),
                List.of(project.resolve("falco/demo_rules.yaml")));
        assertEquals(1, problems.size(), problems.toString());
        assertThat(problems.getFirst()).as(problems::toString).contains("demo_rules.yaml:3:");
        assertThat(problems.getFirst()).as(problems::toString).contains("demo.nope");
    }
}
