package dev.falcojava.cli.model;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads plugin.yaml into a {@link PluginDescriptor}, reporting every problem with its line and column.
 */
public final class DescriptorReader {

    private static final java.util.regex.Pattern MODULE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "version", "description", "contact", "id",
            "package", "class", "linkage", "api-symbol", "jvm", "config", "config-class", "capabilities", "metrics", "reconfigure", "development",
            TablesReader.KEY);

    private final String file;
    private final YamlNodes nodes;

    private DescriptorReader(String file) {
        this.file = file;
        this.nodes = new YamlNodes(file);
    }

    public static PluginDescriptor read(Path path) throws IOException, DescriptorException {
        return parse(Files.readString(path), path.toString());
    }

    public static PluginDescriptor parse(String yaml, String file) throws DescriptorException {
        return new DescriptorReader(file).descriptor(yaml);
    }

    private PluginDescriptor descriptor(String yaml) throws DescriptorException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new DescriptorException(List.of(new DescriptorProblem(file, mark.getLine() + 1, mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new DescriptorException(List.of(new DescriptorProblem(file, 1, 1,
                    "plugin.yaml must be a mapping with name, version, capabilities, ...")));
        }
        Map<String, NodeTuple> entries = nodes.entries(top, TOP_LEVEL_KEYS, "a top-level key");
        String name = nodes.requiredString(entries, top, "name", Names.PLUGIN_NAME,
                "lowercase letters, digits, '-' and '_', starting with a letter (Falco uses it in load_plugins)");
        String version = nodes.requiredString(entries, top, "version", Names.VERSION, "major.minor.patch, for example 0.1.0");
        String description = nodes.requiredString(entries, top, "description", null, null);
        String contact = nodes.requiredString(entries, top, "contact", null, null);
        String javaPackage = nodes.requiredString(entries, top, "package", null, null);
        if (javaPackage != null && !Names.isJavaPackage(javaPackage)) {
            nodes.problem(entries.get("package").getValueNode(), "package '" + javaPackage
                    + "' is not a Java package name (ASCII identifiers separated by dots, no keywords)");
        }
        String className = nodes.optionalString(entries, "class")
                .orElse(name == null ? null : Names.defaultClassName(name));
        if (className != null && !Names.isJavaIdentifier(className)) {
            nodes.problem(entries.containsKey("class") ? entries.get("class").getValueNode() : top,
                    "class '" + className + "' is not a Java class name (an ASCII identifier, not a keyword)");
        }
        Linkage linkage = linkage(entries, name);
        JvmSettings jvm = jvm(entries.get("jvm"));
        List<ConfigKey> config = new ConfigReader(nodes, Names.configClassName(name == null ? "" : name))
                .config(entries.get("config"));
        Optional<ConfigClass> configClass = configClass(entries);
        List<Capability> capabilities = new CapabilitiesReader(nodes).capabilities(entries.get("capabilities"), top,
                nodes.optionalBoolean(entries, "development", false));
        boolean metrics = nodes.optionalBoolean(entries, "metrics", false);
        boolean reconfigure = nodes.optionalBoolean(entries, "reconfigure", false);
        long id = id(entries.get("id"), capabilities, top);
        List<TableSpec> tables = new TablesReader(nodes).tables(entries.get(TablesReader.KEY), capabilities);
        if (!nodes.problems().isEmpty()) {
            throw new DescriptorException(nodes.problems());
        }
        return new PluginDescriptor(name, version, description, contact, id, javaPackage, className, linkage, jvm,
                config, configClass, capabilities, metrics, tables, reconfigure);
    }

    private Optional<ConfigClass> configClass(Map<String, NodeTuple> entries) {
        Optional<String> name = nodes.optionalString(entries, "config-class");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Node node = entries.get("config-class").getValueNode();
        if (entries.containsKey("config")) {
            nodes.problem(entries.get("config").getKeyNode(), "config and config-class both describe init_config: keep one");
        }
        if (!Names.isJavaPackage(name.get()) || !name.get().contains(".")) {
            nodes.problem(node, "config-class '" + name.get() + "' is not the fully qualified name of a class in a package,"
                    + " like com.example.MyConfig");
            return Optional.empty();
        }
        return Optional.of(new ConfigClass(name.get(), Optional.empty()));
    }

    private Linkage linkage(Map<String, NodeTuple> entries, String name) {
        String kind = nodes.optionalString(entries, "linkage").orElse("shared");
        Optional<String> symbol = nodes.optionalString(entries, "api-symbol");
        if (symbol.isPresent() && !Linkage.C_IDENTIFIER.matcher(symbol.get()).matches()) {
            nodes.problem(entries.get("api-symbol").getValueNode(), "api-symbol '" + symbol.get()
                    + "' is not a C identifier (letters, digits and '_', not starting with a digit)");
        }
        if (symbol.isPresent() && symbol.get().startsWith("plugin_")) {
            nodes.problem(entries.get("api-symbol").getValueNode(), "api-symbol must not start with 'plugin_', the prefix of "
                    + "the plugin API functions a host looks up");
        }
        return switch (kind) {
            case "shared" -> {
                if (symbol.isPresent()) {
                    nodes.problem(entries.get("api-symbol").getKeyNode(), "api-symbol is for 'linkage: static' only");
                }
                yield new Linkage.Shared();
            }
            case "static" -> new Linkage.Static(symbol.orElse(name == null ? "PLUGIN_API" : Linkage.defaultApiSymbol(name)));
            default -> {
                nodes.problem(entries.get("linkage").getValueNode(), "linkage must be 'shared' or 'static', not '" + kind + "'");
                yield new Linkage.Shared();
            }
        };
    }

    private long id(NodeTuple entry, List<Capability> capabilities, Node top) {
        boolean source = capabilities.stream().anyMatch(Capability.Source.class::isInstance);
        if (entry == null) {
            if (source) {
                nodes.problem(top, "a plugin with the source capability needs an 'id': a number from 1 to 4294967295 "
                        + "registered with the Falco organization (999 is for development)");
            }
            return 0;
        }
        String text = nodes.scalar(entry.getValueNode(), "id");
        if (text == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(text);
            if (id < 0 || id > 0xFFFF_FFFFL || (source && id == 0)) {
                nodes.problem(entry.getValueNode(), "id must be from 1 to 4294967295, not " + text);
            }
            return id;
        } catch (NumberFormatException e) {
            nodes.problem(entry.getValueNode(), "id must be a whole number from 1 to 4294967295, not '" + text + "'");
            return 0;
        }
    }

    private JvmSettings jvm(NodeTuple entry) {
        if (entry == null) {
            return new JvmSettings(JvmSettings.DEFAULT_OPTIONS, "");
        }
        if (!(entry.getValueNode() instanceof MappingNode mapping)) {
            nodes.problem(entry.getValueNode(), "jvm must be a mapping with 'options', 'java-home', 'runtime', 'modules' and 'aot-cache'");
            return new JvmSettings(JvmSettings.DEFAULT_OPTIONS, "");
        }
        Map<String, NodeTuple> jvm = nodes.entries(mapping, Set.of("options", "java-home", "runtime", "modules", "aot-cache"),
                "a key of jvm");
        List<String> options = JvmSettings.DEFAULT_OPTIONS;
        if (jvm.containsKey("options")) {
            options = new ArrayList<>();
            for (Node item : nodes.sequence(jvm.get("options").getValueNode(), "jvm.options")) {
                String option = nodes.scalar(item, "a JVM option");
                if (option != null && !option.startsWith("-")) {
                    nodes.problem(item, "JVM option '" + option + "' must start with '-', for example -Xmx64m");
                } else if (option != null) {
                    options.add(option);
                }
            }
        }
        return new JvmSettings(options, nodes.optionalString(jvm, "java-home").orElse(""), runtime(jvm.get("runtime")),
                modules(jvm.get("modules")), nodes.optionalBoolean(jvm, "aot-cache", true));
    }

    private JvmSettings.Runtime runtime(NodeTuple entry) {
        if (entry == null) {
            return JvmSettings.Runtime.INSTALLED;
        }
        String value = nodes.scalar(entry.getValueNode(), "jvm.runtime");
        for (JvmSettings.Runtime runtime : JvmSettings.Runtime.values()) {
            if (runtime.yamlName().equals(value)) {
                return runtime;
            }
        }
        if (value != null) {
            nodes.problem(entry.getValueNode(), "jvm.runtime must be 'installed' (a Java 25 on the host, the default) or "
                    + "'bundled' (a runtime made by jlink beside the library), not '" + value + "'");
        }
        return JvmSettings.Runtime.INSTALLED;
    }

    private List<String> modules(NodeTuple entry) {
        if (entry == null) {
            return List.of();
        }
        List<String> modules = new ArrayList<>();
        for (Node item : nodes.sequence(entry.getValueNode(), "jvm.modules")) {
            String module = nodes.scalar(item, "a module name");
            if (module != null && !MODULE_NAME.matcher(module).matches()) {
                nodes.problem(item, "jvm.modules: '" + module + "' is not a Java module name, for example java.sql");
            } else if (module != null) {
                modules.add(module);
            }
        }
        return modules;
    }
}
