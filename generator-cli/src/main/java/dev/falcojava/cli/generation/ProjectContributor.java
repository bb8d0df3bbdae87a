package dev.falcojava.cli.generation;

import java.util.Optional;

/** Contributes one file to a generated project, or nothing when the plugin does not need it. */
@FunctionalInterface
public interface ProjectContributor {

    Optional<GeneratedFile> contribute(ProjectModel model, TemplateRenderer renderer);
}
