package dev.falcojava.cli.packaging;

import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.DescriptorProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code falco-plugin package} checks before it writes the rules artifact: every problem, each naming its file
 * and position. An empty list lets packaging go on.
 */
@FunctionalInterface
public interface RulesCheck {

    List<String> problems(Path project, Path descriptor, List<Path> rulesFiles) throws IOException;

    /**
     * The check packaging runs: what {@code falco-plugin validate} runs (plugin.yaml, whose fields the rules use).
     * The rules checker of {@code check-rules} plugs in here, composed with this one.
     */
    static RulesCheck beforePackaging() {
        return validate();
    }

    /** {@code falco-plugin validate}: the descriptor's problems with their positions. */
    static RulesCheck validate() {
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
