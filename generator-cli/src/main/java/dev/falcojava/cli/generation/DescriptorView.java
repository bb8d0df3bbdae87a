package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.YamlString;

import java.util.List;

/**
 * What the YAML files (plugin.yaml, the Falco configuration, rules and registry entry) see beside the model: the
 * plugin's texts as quoted YAML scalars.
 */
public record DescriptorView(ProjectModel model) {

    public String yamlName() {
        return YamlString.quote(model.name());
    }

    public String yamlVersion() {
        return YamlString.quote(model.version());
    }

    public String yamlDescription() {
        return YamlString.quote(model.description());
    }

    public String yamlContact() {
        return YamlString.quote(model.contact());
    }

    public String yamlPackage() {
        return YamlString.quote(model.javaPackage());
    }

    public String yamlClass() {
        return YamlString.quote(model.className());
    }

    public String yamlEventSource() {
        return YamlString.quote(model.eventSource());
    }

    public String yamlJavaHome() {
        return YamlString.quote(model.javaHome());
    }

    /** The JVM options, each as {@code yamlOption}. */
    public List<Option> jvmOptions() {
        return model.jvmOptions().stream().map(o -> new Option(YamlString.quote(o))).toList();
    }

    /** A JVM option as a quoted YAML scalar. */
    public record Option(String yamlOption) {
    }
}
