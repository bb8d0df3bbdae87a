package dev.falcojava.cli.model;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the {@code config} section of plugin.yaml: typed keys, nested objects, lists, enums and their constraints. */
final class ConfigReader {

    private static final int MAX_DEPTH = 16;
    private static final List<String> SETTINGS = List.of("minimum", "maximum", "pattern", "values", "keys", "items", "min-items");
    private static final Set<String> KEY_ENTRIES = union(List.of("name", "type", "description", "default", "optional"));
    private static final Set<String> ITEM_ENTRIES = union(List.of("type"));
    /** Names a generated config type must not take: they would hide a type the generated code uses. */
    private static final Set<String> TAKEN_TYPE_NAMES = Set.of("List", "Optional", "String", "Integer", "Long", "Double",
            "Boolean", "Object", "Record", "Enum", "Override", "ConfigObject", "ConfigValue", "InvalidConfigException");
    /** Names a record component cannot have. */
    private static final Set<String> RECORD_METHODS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
            "notifyAll", "toString", "wait");

    private final YamlNodes nodes;
    private final Set<String> typeNames = new LinkedHashSet<>();

    ConfigReader(YamlNodes nodes, String configClassName) {
        this.nodes = nodes;
        typeNames.add(configClassName);
    }

    private static Set<String> union(List<String> entries) {
        return Stream.concat(entries.stream(), SETTINGS.stream()).collect(Collectors.toUnmodifiableSet());
    }

    List<ConfigKey> config(NodeTuple entry) {
        return entry == null ? List.of() : keys(entry.getValueNode(), "config", 0);
    }

    private List<ConfigKey> keys(Node list, String where, int depth) {
        List<ConfigKey> keys = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node item : nodes.sequence(list, where)) {
            if (!(item instanceof MappingNode keyNode)) {
                nodes.problem(item, "a config key must be a mapping with name, type, description and an optional default");
                continue;
            }
            Map<String, NodeTuple> key = nodes.entries(keyNode, KEY_ENTRIES, "a key of a config entry");
            String name = nodes.requiredString(key, item, "name", Names.CONFIG_KEY,
                    "letters, digits, '_' and '-', starting with a letter");
            String description = nodes.requiredString(key, item, "description", null, null);
            boolean optional = nodes.optionalBoolean(key, "optional", false);
            ConfigType type = type(key, item, name == null ? "Key" : Names.upperCamel(name), depth);
            Optional<Object> defaultValue = Optional.empty();
            if (key.containsKey("default") && optional) {
                nodes.problem(key.get("optional").getKeyNode(), "a key with a default is not optional: remove 'optional' or 'default'");
            } else if (key.containsKey("default") && type != null) {
                defaultValue = defaultValue(key.get("default").getValueNode(), type);
            }
            if (name == null) {
                continue;
            }
            Node nameNode = key.get("name").getValueNode();
            String javaName = Names.lowerCamel(name);
            if (seen.putIfAbsent(javaName, nameNode) != null) {
                nodes.problem(nameNode, "config key '" + name + "' is declared twice, or becomes the same Java name " + javaName
                        + " as another key");
            } else if (!Names.isJavaIdentifier(javaName)) {
                nodes.problem(nameNode, "config key '" + name + "' becomes the Java name " + javaName + ", which is a Java keyword");
            } else if (RECORD_METHODS.contains(javaName)) {
                nodes.problem(nameNode, "config key '" + name + "' becomes the Java name " + javaName
                        + ", which a record component cannot have");
            }
            if (type != null && description != null) {
                keys.add(new ConfigKey(name, type, description, defaultValue, optional));
            }
        }
        return keys;
    }

    /** The type of a key or of list items, with its settings, or null when it has a problem. */
    private ConfigType type(Map<String, NodeTuple> entries, Node parent, String javaName, int depth) {
        String typeName = nodes.requiredString(entries, parent, "type", null, null);
        if (typeName == null) {
            return null;
        }
        if (!ConfigType.NAMES.contains(typeName)) {
            nodes.problem(entries.get("type").getValueNode(), "unknown config type '" + typeName + "' (known: "
                    + String.join(", ", ConfigType.NAMES) + ")");
            return null;
        }
        if (depth > MAX_DEPTH) {
            nodes.problem(parent, "config nests deeper than " + MAX_DEPTH + " levels");
            return null;
        }
        List<String> allowed = switch (typeName) {
            case "int", "long", "integer", "number" -> List.of("minimum", "maximum");
            case "string" -> List.of("pattern");
            case "enum" -> List.of("values");
            case "object" -> List.of("keys");
            case "list" -> List.of("items", "min-items");
            default -> List.of();
        };
        for (String setting : SETTINGS) {
            if (entries.containsKey(setting) && !allowed.contains(setting)) {
                nodes.problem(entries.get(setting).getKeyNode(), "'" + setting + "' is not a setting of type " + typeName
                        + (allowed.isEmpty() ? "" : " (its settings: " + String.join(", ", allowed) + ")"));
            }
        }
        return switch (typeName) {
            case "int", "long", "integer" -> integral(entries, typeName);
            case "number" -> {
                Optional<BigDecimal> minimum = bound(entries, "minimum", false);
                Optional<BigDecimal> maximum = bound(entries, "maximum", false);
                checkOrder(entries, minimum, maximum);
                yield new ConfigType.Decimal(minimum, maximum);
            }
            case "string" -> new ConfigType.Text(pattern(entries));
            case "boolean" -> new ConfigType.Bool();
            case "enum" -> choice(entries, parent, javaName);
            case "object" -> {
                if (!entries.containsKey("keys")) {
                    nodes.problem(parent, "an object needs 'keys', its own list of config keys");
                    yield null;
                }
                Node keysNode = entries.get("keys").getValueNode();
                List<ConfigKey> keys = keys(keysNode, "keys", depth + 1);
                if (keys.isEmpty()) {
                    nodes.problem(keysNode, "an object needs at least one key");
                }
                yield new ConfigType.Group(keys, typeName(javaName, entries.get("type").getValueNode()));
            }
            case "list" -> items(entries, parent, javaName, depth);
            default -> throw new IllegalStateException(typeName);
        };
    }

    private ConfigType integral(Map<String, NodeTuple> entries, String typeName) {
        Optional<BigDecimal> minimum = bound(entries, "minimum", true);
        Optional<BigDecimal> maximum = bound(entries, "maximum", true);
        boolean wide = !typeName.equals("int");
        BigDecimal lowest = BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE);
        BigDecimal highest = BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE);
        for (var bound : List.of(Map.entry("minimum", minimum), Map.entry("maximum", maximum))) {
            if (bound.getValue().isPresent() && (bound.getValue().get().compareTo(lowest) < 0
                    || bound.getValue().get().compareTo(highest) > 0)) {
                nodes.problem(entries.get(bound.getKey()).getValueNode(), bound.getKey() + " must be from " + lowest + " to "
                        + highest + " for type " + typeName);
                return null;
            }
        }
        checkOrder(entries, minimum, maximum);
        return new ConfigType.Integral(typeName, wide, minimum, maximum);
    }

    private Optional<BigDecimal> bound(Map<String, NodeTuple> entries, String setting, boolean integral) {
        Optional<String> text = nodes.optionalString(entries, setting);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.get());
            if (integral && value.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            nodes.problem(entries.get(setting).getValueNode(), setting + " '" + text.get() + "' is not "
                    + (integral ? "a whole number" : "a number"));
            return Optional.empty();
        }
    }

    private void checkOrder(Map<String, NodeTuple> entries, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) {
        if (minimum.isPresent() && maximum.isPresent() && minimum.get().compareTo(maximum.get()) > 0) {
            nodes.problem(entries.get("maximum").getValueNode(), "maximum " + maximum.get() + " is below minimum " + minimum.get());
        }
    }

    private Optional<String> pattern(Map<String, NodeTuple> entries) {
        Optional<String> pattern = nodes.optionalString(entries, "pattern");
        if (pattern.isPresent()) {
            try {
                Pattern.compile(pattern.get());
            } catch (PatternSyntaxException e) {
                nodes.problem(entries.get("pattern").getValueNode(), "pattern is not a regular expression: "
                        + e.getDescription());
                return Optional.empty();
            }
        }
        return pattern;
    }

    private ConfigType choice(Map<String, NodeTuple> entries, Node parent, String javaName) {
        if (!entries.containsKey("values")) {
            nodes.problem(parent, "an enum needs 'values', the list of its strings");
            return null;
        }
        List<String> values = nodes.stringList(entries, "values");
        Node valuesNode = entries.get("values").getValueNode();
        if (values.isEmpty()) {
            nodes.problem(valuesNode, "an enum needs at least one value");
            return null;
        }
        Map<String, String> constants = new HashMap<>();
        for (String value : values) {
            String constant = Names.constant(value);
            String other = constants.putIfAbsent(constant, value);
            if (!Names.isJavaIdentifier(constant)) {
                nodes.problem(valuesNode, "enum value '" + value + "' gives no Java constant name (it needs a letter or digit)");
            } else if (other != null) {
                nodes.problem(valuesNode, "enum values '" + other + "' and '" + value + "' give the same Java constant " + constant);
            }
        }
        return new ConfigType.Choice(values, typeName(javaName, entries.get("type").getValueNode()));
    }

    private ConfigType items(Map<String, NodeTuple> entries, Node parent, String javaName, int depth) {
        if (!entries.containsKey("items")) {
            nodes.problem(parent, "a list needs 'items', the type of its items: a type name, or a mapping with type and its settings");
            return null;
        }
        Node itemsNode = entries.get("items").getValueNode();
        ConfigType items;
        if (itemsNode instanceof ScalarNode) {
            items = type(Map.of("type", entries.get("items")), itemsNode, javaName + "Item", depth + 1);
        } else if (itemsNode instanceof MappingNode mapping) {
            items = type(nodes.entries(mapping, ITEM_ENTRIES, "a setting of list items"), itemsNode, javaName + "Item", depth + 1);
        } else {
            nodes.problem(itemsNode, "items must be a type name or a mapping with type and its settings");
            return null;
        }
        int minItems = 0;
        Optional<String> text = nodes.optionalString(entries, "min-items");
        if (text.isPresent()) {
            try {
                minItems = Integer.parseInt(text.get());
                if (minItems < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                nodes.problem(entries.get("min-items").getValueNode(), "min-items must be a whole number from 0, not '"
                        + text.get() + "'");
            }
        }
        return items == null ? null : new ConfigType.Items(items, minItems);
    }

    private String typeName(String javaName, Node node) {
        if (TAKEN_TYPE_NAMES.contains(javaName) || !typeNames.add(javaName)) {
            nodes.problem(node, "this config type becomes the Java type " + javaName
                    + ", a name the config record or another of its types already has: rename its key");
        } else if (!Names.isJavaIdentifier(javaName)) {
            nodes.problem(node, "this config type becomes the Java type " + javaName + ", which is not a Java name");
        }
        return javaName;
    }

    /** The default of a key: a value of its type that fits its constraints. */
    private Optional<Object> defaultValue(Node node, ConfigType type) {
        if (type instanceof ConfigType.Group) {
            nodes.problem(node, "an object takes no default: give its keys defaults, then an absent object reads as {}");
            return Optional.empty();
        }
        if (type instanceof ConfigType.Items(ConfigType items, int minItems)) {
            List<Object> values = new ArrayList<>();
            for (Node item : nodes.sequence(node, "the default of a list")) {
                if (items instanceof ConfigType.Group || items instanceof ConfigType.Items) {
                    nodes.problem(item, "the default of a list of " + items.yamlName() + "s can only be []");
                    return Optional.empty();
                }
                Optional<Object> value = defaultValue(item, items);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.add(value.get());
            }
            if (values.size() < minItems) {
                nodes.problem(node, "the default has " + values.size() + " items, fewer than min-items " + minItems);
                return Optional.empty();
            }
            return Optional.of(List.copyOf(values));
        }
        String text = nodes.scalar(node, "default");
        if (text == null) {
            return Optional.empty();
        }
        Optional<String> problem = Optional.empty();
        Object value = null;
        switch (type) {
            case ConfigType.Integral integral -> {
                try {
                    long l = Long.parseLong(text);
                    value = l;
                    if (!integral.wide() && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                        problem = Optional.of("default " + text + " is beyond the int range");
                    }
                    problem = problem.or(() -> outOfRange(new BigDecimal(l), integral.minimum(), integral.maximum()));
                } catch (NumberFormatException e) {
                    problem = Optional.of("default '" + text + "' is not of type " + type.yamlName());
                }
            }
            case ConfigType.Decimal decimal -> {
                try {
                    double d = Double.parseDouble(text);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    value = d;
                    problem = outOfRange(new BigDecimal(text), decimal.minimum(), decimal.maximum());
                } catch (NumberFormatException e) {
                    problem = Optional.of("default '" + text + "' is not of type number");
                }
            }
            case ConfigType.Text textType -> {
                value = text;
                if (textType.pattern().isPresent() && !Pattern.compile(textType.pattern().get()).matcher(text).find()) {
                    problem = Optional.of("default '" + text + "' does not match the pattern " + textType.pattern().get());
                }
            }
            case ConfigType.Bool bool -> {
                value = text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
                if (value == null) {
                    problem = Optional.of("default '" + text + "' is not of type boolean");
                }
            }
            case ConfigType.Choice choice -> {
                value = text;
                if (!choice.values().contains(text)) {
                    problem = Optional.of("default '" + text + "' is not one of " + String.join(", ", choice.values()));
                }
            }
            case ConfigType.Group group -> throw new IllegalStateException();
            case ConfigType.Items list -> throw new IllegalStateException();
        }
        if (problem.isPresent()) {
            nodes.problem(node, problem.get());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<String> outOfRange(BigDecimal value, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) {
        if (minimum.isPresent() && value.compareTo(minimum.get()) < 0) {
            return Optional.of("default " + value + " is below minimum " + minimum.get());
        }
        if (maximum.isPresent() && value.compareTo(maximum.get()) > 0) {
            return Optional.of("default " + value + " is above maximum " + maximum.get());
        }
        return Optional.empty();
    }
}
