package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.CString;
import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JsonString;
import dev.falcojava.cli.generation.escape.MarkdownText;
import dev.falcojava.cli.generation.escape.XmlText;
import dev.falcojava.cli.generation.escape.YamlString;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The language a template's output is written in, from the kind of file it makes ({@code X.java.mustache} makes
 * Java): the escaper of texts in it, and the view of the {@link ProjectModel} its templates see, whose texts are
 * escaped with that escaper.
 */
public enum TargetLanguage {
    JAVA(JavaString::escape, JavaSourceView::new),
    C(CString::escape, GlueView::new),
    YAML(YamlString::quote, DescriptorView::new),
    XML(XmlText::escape, PomView::new),
    MARKDOWN(MarkdownText::escape, ReadmeView::new),
    JSON(JsonString::escape, null),
    /** Files without strings from plugin.yaml (.gitignore, jvm.config, Dockerfile): nothing to escape. */
    PLAIN(UnaryOperator.identity(), null);

    private final UnaryOperator<String> escaper;
    private final Function<ProjectModel, Object> view;

    TargetLanguage(UnaryOperator<String> escaper, Function<ProjectModel, Object> view) {
        this.escaper = escaper;
        this.view = view;
    }

    /** The language of the file {@code template} (a path under templates/, ending in .mustache) makes. */
    public static TargetLanguage of(String template) {
        String file = template.substring(template.lastIndexOf('/') + 1).replaceFirst("\\.mustache$", "");
        String kind = file.substring(file.lastIndexOf('.') + 1);
        return switch (kind) {
            case "java" -> JAVA;
            case "c", "h" -> C;
            case "yaml", "yml" -> YAML;
            case "xml" -> XML;
            case "md" -> MARKDOWN;
            case "json" -> JSON;
            default -> PLAIN;
        };
    }

    /** {@code text} escaped for this language (for YAML, a quoted scalar). */
    public String escape(String text) {
        return escaper.apply(text);
    }

    /** The view of {@code model} for templates of this language, if it has one. */
    public Optional<Object> view(ProjectModel model) {
        return Optional.ofNullable(view).map(v -> v.apply(model));
    }
}
