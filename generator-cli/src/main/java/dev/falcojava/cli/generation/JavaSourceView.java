package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JavadocText;

/**
 * What the Java sources (templates/java: the base class, the plugin, its test, the source instance) see beside the
 * model: the plugin's texts in Java string literals ({@code j*}) and in Javadoc ({@code doc*}).
 */
public record JavaSourceView(ProjectModel model) {

    public String jName() {
        return JavaString.escape(model.name());
    }

    public String jVersion() {
        return JavaString.escape(model.version());
    }

    public String jDescription() {
        return JavaString.escape(model.description());
    }

    public String jContact() {
        return JavaString.escape(model.contact());
    }

    public String jRequiredApiVersion() {
        return JavaString.escape(model.requiredApiVersion());
    }

    public String jEventSource() {
        return JavaString.escape(model.eventSource());
    }

    public String docName() {
        return JavadocText.escape(model.name());
    }

    public String docDescription() {
        return JavadocText.escape(model.description());
    }
}
