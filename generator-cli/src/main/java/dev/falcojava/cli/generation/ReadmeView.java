package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.MarkdownText;

/** What the project's README sees beside the model: the plugin's texts as Markdown. */
public record ReadmeView(ProjectModel model) {

    public String mdName() {
        return MarkdownText.escape(model.name());
    }

    public String mdDescription() {
        return MarkdownText.escape(model.description());
    }
}
