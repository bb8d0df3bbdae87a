package dev.falcojava.cli.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falcojava.cli.generation.escape.CString;
import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JavadocText;
import dev.falcojava.cli.generation.escape.MarkdownText;
import dev.falcojava.cli.generation.escape.XmlText;
import dev.falcojava.cli.generation.escape.YamlString;
import dev.falcojava.cli.model.ConfigKey;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.Names;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ProjectModel} of a descriptor. */
public final class ProjectModelFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectModel.Versions versions;

    public ProjectModelFactory(ProjectModel.Versions versions) {
        this.versions = versions;
    }

    public ProjectModel create(PluginDescriptor d) {
        String eventSource = d.source().map(s -> s.eventSource()).orElse("");
        List<FieldSpec> fields = d.extract().map(e -> e.fields()).orElse(List.of());
        String prefix = fields.isEmpty() ? "" : fields.getFirst().name().substring(0, fields.getFirst().name().indexOf('.') + 1);
        String baseClass = "Abstract" + d.className();
        String instanceClass = Names.upperCamel(d.name()) + "SourceInstance";
        String pluginClass = d.javaPackage() + "." + d.className();

        List<ProjectModel.Item> interfaces = new ArrayList<>();
        d.source().ifPresent(s -> interfaces.add(new ProjectModel.Item("SourcePlugin", false)));
        d.extract().ifPresent(e -> interfaces.add(new ProjectModel.Item("ExtractPlugin", false)));
        markLast(interfaces);

        List<FieldView> fieldViews = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            fieldViews.add(new FieldView(i, JavaString.escape(field.name()), JavaString.escape(field.description()),
                    JavadocText.escape(field.name()), JavadocText.escape(field.description()), field.type().yamlName(),
                    field.type().javaType(), field.type().javaDefault(), field.type().setter(), field.type().sdkConstant(),
                    Names.extractMethod(field.name(), prefix), StarterField.of(field, prefix).orElse(null),
                    i == fields.size() - 1));
        }
        List<ProjectModel.YamlFieldView> yamlFields = fields.stream()
                .map(f -> new ProjectModel.YamlFieldView(YamlString.quote(f.name()), f.type().yamlName(),
                        YamlString.quote(f.description())))
                .toList();
        List<ProjectModel.JvmOptionView> jvmOptions = d.jvm().options().stream()
                .map(o -> new ProjectModel.JvmOptionView(CString.escape(o), YamlString.quote(o)))
                .toList();

        return new ProjectModel(
                d.name(), d.javaPackage(), d.javaPackage().replace('.', '/'), d.className(), baseClass, instanceClass,
                d.className() + "Test",
                JavaString.escape(d.name()), JavaString.escape(d.version()), JavaString.escape(d.description()),
                JavaString.escape(d.contact()), JavaString.escape(d.requiredApiVersion()), JavaString.escape(eventSource),
                CString.escape(d.name()), CString.escape(d.version()), CString.escape(d.description()),
                CString.escape(d.contact()), CString.escape(d.requiredApiVersion()), CString.escape(eventSource),
                CString.escape(fieldsJson(fields)), CString.escape(pluginClass), "fjp_" + d.name().replaceAll("[^A-Za-z0-9]", "_"),
                CString.escape(d.jvm().javaHome()),
                JavadocText.escape(d.name()), JavadocText.escape(d.description()),
                YamlString.quote(d.name()), YamlString.quote(d.version()), YamlString.quote(d.description()),
                YamlString.quote(d.contact()), YamlString.quote(d.javaPackage()), YamlString.quote(d.className()),
                YamlString.quote(eventSource), YamlString.quote(d.jvm().javaHome()),
                XmlText.escape(d.name()), XmlText.escape(d.description()), XmlText.escape(d.javaPackage()),
                MarkdownText.escape(d.name()), MarkdownText.escape(d.description()),
                d.id(), d.linkage() instanceof Linkage.Static, linkageName(d.linkage()), apiSymbol(d.linkage()),
                d.name() + ".h", "FJP_" + d.name().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_H",
                !d.config().isEmpty(), Names.upperCamel(d.name()) + "Config", configViews(d.config()),
                CString.escape(initSchema(d.config())),
                d.source().isPresent(), d.extract().isPresent(),
                interfaces, fieldViews, yamlFields, jvmOptions, versions);
    }

    private static List<ConfigKeyView> configViews(List<ConfigKey> keys) {
        List<ConfigKeyView> views = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ConfigKey key = keys.get(i);
            String defaultText = key.defaultValue().map(String::valueOf).orElse("");
            views.add(new ConfigKeyView(JavaString.escape(key.key()), key.javaName(), key.type().javaType(),
                    key.type().reader(), key.defaultValue().isEmpty(), JavaString.escape(defaultText),
                    key.type().yamlName(), JavadocText.escape(key.description()), YamlString.quote(key.key()),
                    key.type().yamlName(), YamlString.quote(key.description()), YamlString.quote(defaultText),
                    i == keys.size() - 1));
        }
        return views;
    }

    /** The JSON schema {@code plugin_get_init_schema} returns: an object with exactly the declared keys. */
    static String initSchema(List<ConfigKey> keys) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ConfigKey key : keys) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", key.type().yamlName());
            property.put("description", key.description());
            key.defaultValue().ifPresentOrElse(value -> property.put("default", value), () -> required.add(key.key()));
            properties.put(key.key(), property);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON array {@code plugin_get_fields} returns. */
    static String fieldsJson(List<FieldSpec> fields) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (FieldSpec field : fields) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", field.name());
            entry.put("type", field.type().yamlName());
            entry.put("desc", field.description());
            entries.add(entry);
        }
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String linkageName(Linkage linkage) {
        return switch (linkage) {
            case Linkage.Shared shared -> "shared";
            case Linkage.Static staticLinkage -> "static";
        };
    }

    /** The struct name of a static plugin (a validated C identifier), empty for a shared one. */
    private static String apiSymbol(Linkage linkage) {
        return linkage instanceof Linkage.Static(String symbol) ? symbol : "";
    }

    private static void markLast(List<ProjectModel.Item> items) {
        if (!items.isEmpty()) {
            ProjectModel.Item last = items.removeLast();
            items.add(new ProjectModel.Item(last.name(), true));
        }
    }
}
