package dev.falcojava.cli.generation;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders the Mustache templates packaged under {@code templates/}. No HTML escaping: every value reaching a
 * template is already escaped by the model for the language of the file.
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
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, model).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
