package dev.falcojava.cli.packaging;

import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.DescriptorProblem;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.rules.Finding;
import dev.falcojava.cli.rules.RulesCheck;
import dev.falcojava.cli.rules.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code falco-plugin package} checks before it writes the rules artifact: every problem, each naming its file
 * and position. An empty list lets packaging go on.
 */
@FunctionalInterface
public interface ArtifactCheck {

    List<String> problems(Path project, Path descriptor, List<Path> rulesFiles) throws IOException;

    /**
     * The check packaging runs: what {@code falco-plugin validate} runs on plugin.yaml, then, when it is valid, the
     * rules check of {@code check-rules} on the rules files: their errors refuse packaging (warnings do not).
     */
    static ArtifactCheck beforePackaging() {
        ArtifactCheck descriptorCheck = validate();
        return (project, descriptor, rulesFiles) -> {
            List<String> problems = descriptorCheck.problems(project, descriptor, rulesFiles);
            if (!problems.isEmpty() || rulesFiles.isEmpty()) {
                return problems;
            }
            PluginDescriptor plugin;
            try {
                plugin = DescriptorReader.read(descriptor);
            } catch (DescriptorException e) {
                return e.problems().stream().map(DescriptorProblem::toString).toList();
            }
            return RulesCheck.check(plugin, rulesFiles).findings().stream()
                    .filter(finding -> finding.severity() == Severity.ERROR).map(Finding::toString).toList();
        };
    }

    /** {@code falco-plugin validate}: the descriptor's problems with their positions. */
    static ArtifactCheck validate() {
        return (project, descriptor, rulesFiles) -> {
            try {
                DescriptorReader.read(descriptor);
                return List.of();
            } catch (DescriptorException e) {
                return e.problems().stream().map(DescriptorProblem::toString).toList();
            }
        };
    }
}
