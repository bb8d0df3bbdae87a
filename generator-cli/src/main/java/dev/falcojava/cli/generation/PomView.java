package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.XmlText;

/** What the pom sees beside the model: the plugin's texts as XML text. */
public record PomView(ProjectModel model) {

    public String xmlName() {
        return XmlText.escape(model.name());
    }

    public String xmlDescription() {
        return XmlText.escape(model.description());
    }

    public String xmlGroupId() {
        return XmlText.escape(model.javaPackage());
    }
}
