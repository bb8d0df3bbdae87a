package dev.falcojava.cli.generation;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A contributor that renders one template to one path.
 *
 * @param template  the template, relative to {@code templates/}
 * @param path      where the file goes in the project
 * @param ownership who owns the file
 * @param when      whether the plugin needs the file
 */
public record TemplateContributor(String template, Function<ProjectModel, Path> path, GeneratedFile.Ownership ownership,
                                  Predicate<ProjectModel> when) implements ProjectContributor {

    @Override
    public Optional<GeneratedFile> contribute(ProjectModel model, TemplateRenderer renderer) {
        if (!when.test(model)) {
            return Optional.empty();
        }
        return Optional.of(new GeneratedFile(path.apply(model), renderer.render(template, model), ownership));
    }
}
