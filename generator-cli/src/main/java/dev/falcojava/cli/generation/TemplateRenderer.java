package dev.falcojava.cli.generation;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders the Mustache templates packaged under {@code templates/}. A {@link ProjectModel} is rendered with the
 * view of the template's {@link TargetLanguage} beside it, which escapes its texts for that language; other models
 * carry values escaped or validated for the one template they are made for. No HTML escaping.
 */
public final class TemplateRenderer {

    private final DefaultMustacheFactory factory = new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write template output", e);
            }
        }
    };

    /** Renders {@code templates/<template>} with {@code model}. */
    public String render(String template, Object model) {
        Mustache mustache = factory.compile(template);
        Object[] scopes = model instanceof ProjectModel project
                ? TargetLanguage.of(template).view(project).map(view -> new Object[] {project, view}).orElse(new Object[] {project})
                : new Object[] {model};
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scopes).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
