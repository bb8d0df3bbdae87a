package dev.falcojava.cli.model;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads plugin.yaml into a {@link PluginDescriptor}, reporting every problem with its line and column.
 */
public final class DescriptorReader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "version", "description", "contact", "id",
            "package", "class", "linkage", "api-symbol", "jvm", "config", "capabilities");

    private final String file;
    private final List<DescriptorProblem> problems = new ArrayList<>();

    private DescriptorReader(String file) {
        this.file = file;
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
        Map<String, NodeTuple> entries = entries(top, TOP_LEVEL_KEYS, "a top-level key");
        String name = requiredString(entries, top, "name", Names.PLUGIN_NAME,
                "lowercase letters, digits, '-' and '_', starting with a letter (Falco uses it in load_plugins)");
        String version = requiredString(entries, top, "version", Names.VERSION, "major.minor.patch, for example 0.1.0");
        String description = requiredString(entries, top, "description", null, null);
        String contact = requiredString(entries, top, "contact", null, null);
        String javaPackage = requiredString(entries, top, "package", null, null);
        if (javaPackage != null && !Names.isJavaPackage(javaPackage)) {
            problem(entries.get("package").getValueNode(), "package '" + javaPackage
                    + "' is not a Java package name (ASCII identifiers separated by dots, no keywords)");
        }
        String className = optionalString(entries, "class")
                .orElse(name == null ? null : Names.defaultClassName(name));
        if (className != null && !Names.isJavaIdentifier(className)) {
            problem(entries.containsKey("class") ? entries.get("class").getValueNode() : top,
                    "class '" + className + "' is not a Java class name (an ASCII identifier, not a keyword)");
        }
        Linkage linkage = linkage(entries, name);
        JvmSettings jvm = jvm(entries.get("jvm"));
        List<ConfigKey> config = config(entries.get("config"));
        List<Capability> capabilities = capabilities(entries.get("capabilities"), top);
        long id = id(entries.get("id"), capabilities, top);
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return new PluginDescriptor(name, version, description, contact, id, javaPackage, className, linkage, jvm,
                config, capabilities);
    }

    private List<ConfigKey> config(NodeTuple entry) {
        if (entry == null) {
            return List.of();
        }
        List<ConfigKey> keys = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node item : sequence(entry.getValueNode(), "config")) {
            if (!(item instanceof MappingNode keyNode)) {
                problem(item, "a config key must be a mapping with name, type, description and an optional default");
                continue;
            }
            Map<String, NodeTuple> key = entries(keyNode, Set.of("name", "type", "description", "default"), "a key of a config entry");
            String name = requiredString(key, item, "name", Names.CONFIG_KEY,
                    "letters, digits, '_' and '-', starting with a letter");
            String typeName = requiredString(key, item, "type", null, null);
            String description = requiredString(key, item, "description", null, null);
            Optional<ConfigType> type = typeName == null ? Optional.empty() : ConfigType.fromYaml(typeName);
            if (typeName != null && type.isEmpty()) {
                problem(key.get("type").getValueNode(), "unknown config type '" + typeName + "' (known: string, integer, number, boolean)");
            }
            Optional<Object> defaultValue = Optional.empty();
            if (key.containsKey("default") && type.isPresent()) {
                String text = scalar(key.get("default").getValueNode(), "default");
                defaultValue = text == null ? Optional.empty() : type.get().parse(text);
                if (text != null && defaultValue.isEmpty()) {
                    problem(key.get("default").getValueNode(), "default '" + text + "' is not of type " + typeName);
                }
            }
            if (name == null) {
                continue;
            }
            Node nameNode = key.get("name").getValueNode();
            String javaName = Names.lowerCamel(name);
            if (seen.putIfAbsent(javaName, nameNode) != null) {
                problem(nameNode, "config key '" + name + "' is declared twice, or becomes the same Java name " + javaName
                        + " as another key");
            } else if (!Names.isJavaIdentifier(javaName)) {
                problem(nameNode, "config key '" + name + "' becomes the Java name " + javaName + ", which is a Java keyword");
            }
            if (type.isPresent() && description != null) {
                keys.add(new ConfigKey(name, type.get(), description, defaultValue));
            }
        }
        return keys;
    }

    private Linkage linkage(Map<String, NodeTuple> entries, String name) {
        String kind = optionalString(entries, "linkage").orElse("shared");
        Optional<String> symbol = optionalString(entries, "api-symbol");
        if (symbol.isPresent() && !Linkage.C_IDENTIFIER.matcher(symbol.get()).matches()) {
            problem(entries.get("api-symbol").getValueNode(), "api-symbol '" + symbol.get()
                    + "' is not a C identifier (letters, digits and '_', not starting with a digit)");
        }
        if (symbol.isPresent() && symbol.get().startsWith("plugin_")) {
            problem(entries.get("api-symbol").getValueNode(), "api-symbol must not start with 'plugin_', the prefix of "
                    + "the plugin API functions a host looks up");
        }
        return switch (kind) {
            case "shared" -> {
                if (symbol.isPresent()) {
                    problem(entries.get("api-symbol").getKeyNode(), "api-symbol is for 'linkage: static' only");
                }
                yield new Linkage.Shared();
            }
            case "static" -> new Linkage.Static(symbol.orElse(name == null ? "PLUGIN_API" : Linkage.defaultApiSymbol(name)));
            default -> {
                problem(entries.get("linkage").getValueNode(), "linkage must be 'shared' or 'static', not '" + kind + "'");
                yield new Linkage.Shared();
            }
        };
    }

    private long id(NodeTuple entry, List<Capability> capabilities, Node top) {
        boolean source = capabilities.stream().anyMatch(Capability.Source.class::isInstance);
        if (entry == null) {
            if (source) {
                problem(top, "a plugin with the source capability needs an 'id': a number from 1 to 4294967295 "
                        + "registered with the Falco organization (999 is for development)");
            }
            return 0;
        }
        String text = scalar(entry.getValueNode(), "id");
        if (text == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(text);
            if (id < 0 || id > 0xFFFF_FFFFL || (source && id == 0)) {
                problem(entry.getValueNode(), "id must be from 1 to 4294967295, not " + text);
            }
            return id;
        } catch (NumberFormatException e) {
            problem(entry.getValueNode(), "id must be a whole number from 1 to 4294967295, not '" + text + "'");
            return 0;
        }
    }

    private JvmSettings jvm(NodeTuple entry) {
        if (entry == null) {
            return new JvmSettings(JvmSettings.DEFAULT_OPTIONS, "");
        }
        if (!(entry.getValueNode() instanceof MappingNode mapping)) {
            problem(entry.getValueNode(), "jvm must be a mapping with 'options' and 'java-home'");
            return new JvmSettings(JvmSettings.DEFAULT_OPTIONS, "");
        }
        Map<String, NodeTuple> jvm = entries(mapping, Set.of("options", "java-home"), "a key of jvm");
        List<String> options = JvmSettings.DEFAULT_OPTIONS;
        if (jvm.containsKey("options")) {
            options = new ArrayList<>();
            for (Node item : sequence(jvm.get("options").getValueNode(), "jvm.options")) {
                String option = scalar(item, "a JVM option");
                if (option != null && !option.startsWith("-")) {
                    problem(item, "JVM option '" + option + "' must start with '-', for example -Xmx64m");
                } else if (option != null) {
                    options.add(option);
                }
            }
        }
        return new JvmSettings(options, optionalString(jvm, "java-home").orElse(""));
    }

    private List<Capability> capabilities(NodeTuple entry, Node top) {
        if (entry == null || !(entry.getValueNode() instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problem(entry == null ? top : entry.getValueNode(),
                    "capabilities must declare at least one of: source, extract");
            return List.of();
        }
        Map<String, NodeTuple> declared = entries(mapping, Set.of("source", "extract"), "a capability");
        List<Capability> capabilities = new ArrayList<>();
        if (declared.containsKey("source")) {
            source(declared.get("source").getValueNode()).ifPresent(capabilities::add);
        }
        if (declared.containsKey("extract")) {
            extract(declared.get("extract").getValueNode()).ifPresent(capabilities::add);
        }
        return capabilities;
    }

    private Optional<Capability> source(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "source must be a mapping with 'event-source'");
            return Optional.empty();
        }
        Map<String, NodeTuple> source = entries(mapping, Set.of("event-source"), "a key of source");
        String eventSource = requiredString(source, node, "event-source", Names.EVENT_SOURCE,
                "letters, digits, '_', '.' and '-'");
        if ("syscall".equals(eventSource)) {
            problem(source.get("event-source").getValueNode(), "event source 'syscall' is reserved by Falco; choose your own name");
        }
        return eventSource == null ? Optional.empty() : Optional.of(new Capability.Source(eventSource));
    }

    private Optional<Capability> extract(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "extract must be a mapping with 'fields'");
            return Optional.empty();
        }
        Map<String, NodeTuple> extract = entries(mapping, Set.of("fields"), "a key of extract");
        if (!extract.containsKey("fields")) {
            problem(node, "extract needs 'fields': a list of fields with name, type and description");
            return Optional.empty();
        }
        List<FieldSpec> fields = new ArrayList<>();
        Map<String, Node> seenNames = new HashMap<>();
        Map<String, String> seenMethods = new HashMap<>();
        String prefix = null;
        List<Node> items = sequence(extract.get("fields").getValueNode(), "fields");
        if (items.isEmpty()) {
            problem(extract.get("fields").getValueNode(), "extract needs at least one field");
        }
        for (Node item : items) {
            if (!(item instanceof MappingNode fieldNode)) {
                problem(item, "a field must be a mapping with name, type and description");
                continue;
            }
            Map<String, NodeTuple> field = entries(fieldNode, Set.of("name", "type", "description"), "a key of a field");
            String name = requiredString(field, item, "name", Names.FIELD_NAME,
                    "a prefix and a name separated by dots, for example myplugin.count");
            String typeName = requiredString(field, item, "type", null, null);
            String description = requiredString(field, item, "description", null, null);
            Optional<FieldType> type = typeName == null ? Optional.empty() : FieldType.fromYaml(typeName);
            if (typeName != null && type.isEmpty()) {
                problem(field.get("type").getValueNode(), "unknown field type '" + typeName + "' (known: uint64, string, bool)");
            }
            if (name == null) {
                continue;
            }
            Node nameNode = field.get("name").getValueNode();
            String fieldPrefix = name.substring(0, name.indexOf('.') + 1);
            if (prefix == null) {
                prefix = fieldPrefix;
            } else if (!prefix.equals(fieldPrefix)) {
                problem(nameNode, "field '" + name + "' does not start with '" + prefix
                        + "', the prefix of the first field; all fields of a plugin share one prefix");
            }
            if (seenNames.putIfAbsent(name, nameNode) != null) {
                problem(nameNode, "field '" + name + "' is declared twice (first at line "
                        + (seenNames.get(name).getStartMark().getLine() + 1) + ")");
            } else if (prefix.equals(fieldPrefix)) {
                String method = Names.extractMethod(name, prefix);
                String clash = seenMethods.putIfAbsent(method, name);
                if (clash != null) {
                    problem(nameNode, "fields '" + clash + "' and '" + name + "' would both become " + method
                            + "(); rename one of them");
                }
            }
            if (type.isPresent() && description != null) {
                fields.add(new FieldSpec(name, type.get(), description));
            }
        }
        return Optional.of(new Capability.Extract(fields));
    }

    private Map<String, NodeTuple> entries(MappingNode mapping, Set<String> known, String what) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !known.contains(key)) {
                problem(tuple.getKeyNode(), "'" + (key == null ? "?" : key) + "' is not " + what + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            } else if (entries.putIfAbsent(key, tuple) != null) {
                problem(tuple.getKeyNode(), "'" + key + "' appears twice");
            }
        }
        return entries;
    }

    private String requiredString(Map<String, NodeTuple> entries, Node parent, String key, java.util.regex.Pattern rule,
                                  String ruleText) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            problem(parent, "'" + key + "' is required");
            return null;
        }
        String value = scalar(entry.getValueNode(), key);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            problem(entry.getValueNode(), "'" + key + "' must not be empty");
            return null;
        }
        if (rule != null && !rule.matcher(value).matches()) {
            problem(entry.getValueNode(), key + " '" + value + "' is not valid: " + ruleText);
            return null;
        }
        return value;
    }

    private Optional<String> optionalString(Map<String, NodeTuple> entries, String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.ofNullable(scalar(entry.getValueNode(), key));
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, what + " must be a single value, not a " + (node instanceof SequenceNode ? "list" : "mapping"));
        return null;
    }

    private List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(node, what + " must be a list");
        return List.of();
    }

    private void problem(Node node, String message) {
        Mark mark = node.getStartMark();
        problems.add(new DescriptorProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
    }
}
