package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.YamlString;

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
}
