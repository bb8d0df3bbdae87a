package dev.falcojava.cli.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falcojava.cli.generation.escape.CString;
import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JavadocText;
import dev.falcojava.cli.generation.escape.YamlString;
import dev.falcojava.cli.model.ConfigClass;
import dev.falcojava.cli.model.ConfigKey;
import dev.falcojava.cli.model.FieldArg;
import dev.falcojava.sdk.api.FieldArgument;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.Names;
import dev.falcojava.cli.model.OpenParamSpec;
import dev.falcojava.cli.model.EventSchema;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.rules.fields.RuleSources;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/** Builds the {@link ProjectModel} of a descriptor. */
public final class ProjectModelFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The schema of a config-class before the link step derives it from the compiled class: the glue rendered with it
     * is rewritten by the link step before it is compiled.
     */
    static final String PENDING_SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}";

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

        List<ProjectModel.Item> interfaces = new ArrayList<>();
        d.source().ifPresent(s -> interfaces.add(new ProjectModel.Item("SourcePlugin", false)));
        d.extract().ifPresent(e -> interfaces.add(new ProjectModel.Item("ExtractPlugin", false)));
        d.parse().ifPresent(p -> interfaces.add(new ProjectModel.Item("ParsePlugin", false)));
        d.async().ifPresent(a -> interfaces.add(new ProjectModel.Item(a.dumpState() ? "StateDumper" : "AsyncPlugin", false)));
        d.captureListen().ifPresent(c -> interfaces.add(new ProjectModel.Item("CaptureListener", false)));
        if (d.metrics()) {
            interfaces.add(new ProjectModel.Item("MetricsPlugin", false));
        }
        if (d.reconfigure()) {
            interfaces.add(new ProjectModel.Item("Reconfigurable", false));
        }
        if (interfaces.isEmpty()) {
            interfaces.add(new ProjectModel.Item("Plugin", false));
        }
        markLast(interfaces);

        List<FieldView> fieldViews = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            fieldViews.add(new FieldView(i, JavaString.escape(field.name()), JavaString.escape(field.description()),
                    JavadocText.escape(field.name()), JavadocText.escape(field.description()), field.type().yamlName()
                    + (field.list() ? " list" : ""),
                    field.list() ? "List<" + field.type().boxedType() + ">" : field.type().javaType(),
                    field.list() ? "List.of()" : field.type().javaDefault(),
                    field.list() ? field.type().adder() : field.type().setter(), field.type().sdkConstant(),
                    Names.extractMethod(field.name(), prefix), StarterField.of(field, prefix).orElse(null),
                    i == fields.size() - 1, field.list(), sdkArgument(field), field.type().boxedType()));
        }
        List<ProjectModel.YamlFieldView> yamlFields = fields.stream()
                .map(ProjectModelFactory::yamlField)
                .toList();

        return new ProjectModel(
                d.name(), d.javaPackage(), d.javaPackage().replace('.', '/'), d.className(), baseClass, instanceClass,
                d.className() + "Test",
                d.version(), d.description(), d.contact(), d.requiredApiVersion(), eventSource, d.jvm().javaHome(),
                "fjp_" + d.name().replaceAll("[^A-Za-z0-9]", "_"),
                d.id(), d.linkage() instanceof Linkage.Static, linkageName(d.linkage()), apiSymbol(d.linkage()),
                d.name() + ".h", "FJP_" + d.name().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_H",
                !d.config().isEmpty() || d.configClass().isPresent(), !d.config().isEmpty(),
                d.configClass().map(ConfigClass::name).orElse(Names.configClassName(d.name())),
                ConfigView.of(Names.configClassName(d.name()), d.config()),
                fieldsJson(fields), d.configClass().map(c -> c.schema().orElse(PENDING_SCHEMA)).orElse(initSchema(d.config())),
                TablesView.of(d),
                d.source().isPresent(), d.extract().isPresent(),
                interfaces, fieldViews, yamlFields, d.jvm().options(), versions, natives(d), deployment(d));
    }

    private static ProjectModel.Deployment deployment(PluginDescriptor d) {
        Map<String, Object> config = ConfigExample.of(d.config());
        String initConfig = config.isEmpty() ? "\"\"" : json(config);
        String openParams = d.source().flatMap(s -> s.openParams().stream().findFirst()).map(p -> p.value()).orElse("");
        List<String> extractSources = d.extract().map(e -> e.eventSources()).orElse(List.of());
        List<String> ruleSources = RuleSources.of(d);
        String ruleSource = ruleSources.isEmpty() ? "syscall" : ruleSources.getFirst();
        List<ProjectModel.Item> ruleFields = new ArrayList<>();
        d.extract().ifPresent(e -> e.fields().stream().filter(f -> !f.argRequired())
                .forEach(f -> ruleFields.add(new ProjectModel.Item(f.name(), false))));
        markLast(ruleFields);
        List<String> registrySources = extractSources.isEmpty() && d.source().isPresent()
                ? List.of(d.source().get().eventSource()) : extractSources;
        return new ProjectModel.Deployment(initConfig, YamlString.quote(openParams), YamlString.quote(ruleSource),
                ruleSource.equals("syscall"), ruleFields,
                YamlString.quote(Names.upperCamel(d.name()) + " example"),
                "[" + String.join(", ", registrySources.stream().map(YamlString::quote).toList()) + "]");
    }

    private static ProjectModel.Natives natives(PluginDescriptor d) {
        List<OpenParamSpec> params = d.source().map(s -> s.openParams()).orElse(List.of());
        List<ProjectModel.OpenParamView> openParams = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            OpenParamSpec p = params.get(i);
            openParams.add(new ProjectModel.OpenParamView(JavaString.escape(p.value()), JavaString.escape(p.description()),
                    JavaString.escape(p.separator()), YamlString.quote(p.value()), YamlString.quote(p.description()),
                    YamlString.quote(p.separator()), i == params.size() - 1));
        }
        return new ProjectModel.Natives(d.parse().isPresent(), d.async().isPresent(), d.captureListen().isPresent(),
                d.metrics(),
                strings(d.extract().map(e -> e.eventSources()).orElse(List.of())),
                numbers(d.extract().map(e -> e.eventTypes()).orElse(List.of())),
                strings(d.parse().map(p -> p.eventSources()).orElse(List.of())),
                numbers(d.parse().map(p -> p.eventTypes()).orElse(List.of())),
                strings(d.async().map(a -> a.events()).orElse(List.of())),
                strings(d.async().map(a -> a.eventSources()).orElse(List.of())),
                openParams,
                JavaString.escape(d.async().map(a -> a.events().getFirst()).orElse("")), userImports(d),
                CString.escape(Objects.requireNonNullElse(EventSchema.required(d), "")), d.reconfigure(),
                d.async().map(a -> a.dumpState()).orElse(false));
    }

    /** The imports the user's plugin class needs for the types of its field methods and of metrics. */
    private static List<ProjectModel.Item> userImports(PluginDescriptor d) {
        List<FieldSpec> fields = d.extract().map(e -> e.fields()).orElse(List.of());
        java.util.TreeSet<String> imports = new java.util.TreeSet<>();
        fields.stream().map(f -> f.type().importName()).filter(java.util.Objects::nonNull).forEach(imports::add);
        if (d.metrics() || fields.stream().anyMatch(FieldSpec::list)) {
            imports.add("java.util.List");
        }
        List<ProjectModel.Item> items = new ArrayList<>();
        imports.forEach(name -> items.add(new ProjectModel.Item(name, false)));
        markLast(items);
        return items;
    }

    private static ProjectModel.ValueList strings(List<String> values) {
        List<ProjectModel.Item> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            items.add(new ProjectModel.Item(JavaString.escape(values.get(i)), i == values.size() - 1));
        }
        String yaml = "[" + String.join(", ", values.stream().map(YamlString::quote).toList()) + "]";
        return new ProjectModel.ValueList(yaml, CString.escape(json(values)), "", values.size(), items);
    }

    private static ProjectModel.ValueList numbers(List<Integer> values) {
        String list = String.join(", ", values.stream().map(String::valueOf).toList());
        return new ProjectModel.ValueList("[" + list + "]", "", list, values.size(), List.of());
    }

    /** A field as plugin.yaml writes it. */
    public static ProjectModel.YamlFieldView yamlField(FieldSpec f) {
        return new ProjectModel.YamlFieldView(YamlString.quote(f.name()), f.type().yamlName(),
                YamlString.quote(f.description()), f.list() ? Boolean.TRUE : null,
                f.arg() == FieldArg.NONE ? null : f.arg().yamlName(), f.argRequired() ? Boolean.TRUE : null,
                f.display().isEmpty() ? null : YamlString.quote(f.display()),
                f.properties().isEmpty() ? null : "[" + String.join(", ", f.properties()) + "]",
                f.addOutput() ? Boolean.TRUE : null);
    }

    private static String sdkArgument(FieldSpec field) {
        return switch (field.arg()) {
            case NONE -> "NONE";
            case INDEX -> field.argRequired() ? "REQUIRED_INDEX" : "OPTIONAL_INDEX";
            case KEY -> field.argRequired() ? "REQUIRED_KEY" : "OPTIONAL_KEY";
        };
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON schema {@code plugin_get_init_schema} returns: draft-07, objects with exactly the declared keys. */
    static String initSchema(List<ConfigKey> keys) {
        return json(ConfigSchema.of(keys));
    }

    /** The JSON array {@code plugin_get_fields} returns. */
    static String fieldsJson(List<FieldSpec> fields) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (FieldSpec field : fields) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", field.name());
            entry.put("type", field.type().yamlName());
            if (field.list()) {
                entry.put("isList", true);
            }
            FieldArgument argument = field.arg().sdk(field.argRequired());
            if (argument != FieldArgument.NONE) {
                Map<String, Object> arg = new LinkedHashMap<>();
                arg.put("isRequired", argument.isRequired());
                arg.put(argument.isIndex() ? "isIndex" : "isKey", true);
                entry.put("arg", arg);
            }
            if (!field.display().isEmpty()) {
                entry.put("display", field.display());
            }
            if (!field.properties().isEmpty()) {
                entry.put("properties", field.properties());
            }
            if (field.addOutput()) {
                entry.put("addOutput", true);
            }
            entry.put("desc", field.description());
            entries.add(entry);
        }
        return json(entries);
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
