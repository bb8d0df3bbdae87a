package dev.falcojava.cli.generation;

import java.nio.file.Path;
import java.util.List;

import static dev.falcojava.cli.generation.GeneratedFile.Ownership.DERIVED;
import static dev.falcojava.cli.generation.GeneratedFile.Ownership.STARTER;
import static dev.falcojava.cli.generation.GeneratedFile.Ownership.USER;

/** Every file of a generated project, each from its own contributor. */
public final class ProjectContributors {

    /** Where the native glue goes, relative to the project. */
    public static final Path NATIVE_GLUE = Path.of("src/generated/native/plugin_glue.c");
    /** The descriptor, relative to the project. */
    public static final Path DESCRIPTOR = Path.of("plugin.yaml");
    /** The Falco configuration that loads the plugin, relative to the project. */
    public static final Path FALCO_CONFIG = Path.of("falco/falco.yaml");
    /** The plugins registry entry, relative to the project. */
    public static final Path REGISTRY_ENTRY = Path.of("falco/registry.yaml");

    private ProjectContributors() {
    }

    public static List<ProjectContributor> all() {
        return List.of(
                new TemplateContributor("project/plugin.yaml.mustache", m -> DESCRIPTOR, USER, m -> true),
                new TemplateContributor("project/pom.xml.mustache", m -> Path.of("pom.xml"), USER, m -> true),
                new TemplateContributor("project/gitignore.mustache", m -> Path.of(".gitignore"), USER, m -> true),
                new TemplateContributor("project/mvn-jvm.config.mustache", m -> Path.of(".mvn/jvm.config"), USER, m -> true),
                new TemplateContributor("project/README.md.mustache", m -> Path.of("README.md"), USER, m -> true),
                new TemplateContributor("java/Plugin.java.mustache", m -> mainJava(m, m.className()), USER, m -> true),
                new TemplateContributor("java/SourceInstance.java.mustache", m -> mainJava(m, m.instanceClassName()), USER,
                        ProjectModel::source),
                new TemplateContributor("java/PluginTest.java.mustache",
                        m -> Path.of("src/test/java", m.packagePath(), m.testClassName() + ".java"), USER, m -> true),
                new TemplateContributor("java/Config.java.mustache",
                        m -> Path.of("src/generated/java", m.packagePath(), m.configClassName() + ".java"), DERIVED,
                        ProjectModel::generatedConfig),
                new TemplateContributor("java/Tables.java.mustache",
                        m -> Path.of("src/generated/java", m.packagePath(), m.tables().className() + ".java"), DERIVED,
                        m -> m.tables().present()),
                new TemplateContributor("java/BasePlugin.java.mustache",
                        m -> Path.of("src/generated/java", m.packagePath(), m.baseClassName() + ".java"), DERIVED, m -> true),
                new TemplateContributor("native/plugin_glue.c.mustache", m -> NATIVE_GLUE, DERIVED, m -> true),
                new TemplateContributor("falco/falco.yaml.mustache", m -> FALCO_CONFIG, DERIVED, m -> true),
                new TemplateContributor("falco/registry.yaml.mustache", m -> REGISTRY_ENTRY, DERIVED, m -> true),
                new TemplateContributor("falco/rules.yaml.mustache", m -> Path.of("falco", m.name() + "_rules.yaml"), STARTER,
                        m -> true),
                new TemplateContributor("native/plugin_api.h.mustache", m -> NATIVE_GLUE.resolveSibling(m.headerFile()),
                        DERIVED, ProjectModel::staticLinkage));
    }

    private static Path mainJava(ProjectModel model, String className) {
        return Path.of("src/main/java", model.packagePath(), className + ".java");
    }
}
