package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.CString;

import java.util.List;

/**
 * What the native glue and header (templates/native) see beside the model: the plugin's texts as the bodies of C
 * string literals, under the tag names those templates use. Identifiers are validated, and pass as they are.
 */
public record GlueView(ProjectModel model) {

    public String cName() {
        return CString.escape(model.name());
    }

    public String cVersion() {
        return CString.escape(model.version());
    }

    public String cDescription() {
        return CString.escape(model.description());
    }

    public String cContact() {
        return CString.escape(model.contact());
    }

    public String cRequiredApiVersion() {
        return CString.escape(model.requiredApiVersion());
    }

    public String cEventSource() {
        return CString.escape(model.eventSource());
    }

    public String cFieldsJson() {
        return CString.escape(model.fieldsJson());
    }

    public String cInitSchema() {
        return CString.escape(model.initSchema());
    }

    public String cPluginClass() {
        return CString.escape(model.pluginClass());
    }

    public String cJavaHome() {
        return CString.escape(model.javaHome());
    }

    public String cSymbolPrefix() {
        return model.symbolPrefix();
    }

    public String cApiSymbol() {
        return model.apiSymbol();
    }

    public String cHeaderGuard() {
        return model.headerGuard();
    }

    /** The JVM options, each as {@code cOption}. */
    public List<Option> jvmOptions() {
        return model.jvmOptions().stream().map(o -> new Option(CString.escape(o))).toList();
    }

    /** A JVM option as the body of a C string literal. */
    public record Option(String cOption) {
    }
}
