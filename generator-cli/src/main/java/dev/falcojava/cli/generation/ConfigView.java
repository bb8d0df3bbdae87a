package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JavadocText;
import dev.falcojava.cli.model.ConfigKey;
import dev.falcojava.cli.model.ConfigType;
import dev.falcojava.cli.model.Names;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The config record as templates/java/Config.java.mustache sees it: the root record, the records of nested objects
 * and the enums, every one flat inside the root record.
 *
 * @param root    the keys of the config record itself
 * @param records the records of objects, in the order plugin.yaml declares them
 * @param enums   the enums
 */
public record ConfigView(RecordView root, List<RecordView> records, List<EnumView> enums) {

    /**
     * A generated record.
     *
     * @param name           its simple name
     * @param docDescription the description of its key in Javadoc
     * @param jKeys          its JSON keys as Java string literals, separated by commas
     * @param components     its components
     */
    public record RecordView(String name, String docDescription, String jKeys, List<ComponentView> components) {
    }

    /**
     * A record component.
     *
     * @param javaName       its name
     * @param javaType       its Java type
     * @param docDescription its description in Javadoc
     * @param read           the Java expression that reads it from the {@code ConfigObject config}
     * @param last           whether it is the last
     */
    public record ComponentView(String javaName, String javaType, String docDescription, String read, boolean last) {
    }

    /**
     * A generated enum.
     *
     * @param name           its simple name
     * @param docDescription the description of its key in Javadoc
     * @param jValues        its JSON strings as Java string literals, separated by commas
     * @param constants      its constants
     */
    public record EnumView(String name, String docDescription, String jValues, List<ConstantView> constants) {
    }

    /**
     * An enum constant.
     *
     * @param constant its Java name
     * @param docValue its JSON string in Javadoc
     * @param last     whether it is the last
     */
    public record ConstantView(String constant, String docValue, boolean last) {
    }

    static ConfigView of(String className, List<ConfigKey> keys) {
        List<RecordView> records = new ArrayList<>();
        List<EnumView> enums = new ArrayList<>();
        RecordView root = record(className, "", keys, records, enums);
        return new ConfigView(root, records, enums);
    }

    private static RecordView record(String name, String description, List<ConfigKey> keys, List<RecordView> records,
                                     List<EnumView> enums) {
        List<ComponentView> components = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ConfigKey key = keys.get(i);
            collectTypes(key.type(), key.description(), records, enums);
            String value = "config.value(\"" + JavaString.escape(key.key()) + "\")";
            String read = key.optional() ? value + ".optional(value -> " + read("value", key.type(), Optional.empty(), 0) + ")"
                    : read(value, key.type(), key.defaultValue(), 0);
            String type = key.optional() ? "Optional<" + boxed(javaType(key.type())) + ">" : javaType(key.type());
            components.add(new ComponentView(key.javaName(), type, JavadocText.escape(key.description()), read,
                    i == keys.size() - 1));
        }
        String jKeys = String.join(", ", keys.stream().map(k -> "\"" + JavaString.escape(k.key()) + "\"").toList());
        return new RecordView(name, JavadocText.escape(description), jKeys, components);
    }

    private static void collectTypes(ConfigType type, String description, List<RecordView> records, List<EnumView> enums) {
        switch (type) {
            case ConfigType.Group group -> {
                int at = records.size();
                records.add(null);
                records.set(at, record(group.javaName(), description, group.keys(), records, enums));
            }
            case ConfigType.Choice choice -> {
                List<ConstantView> constants = new ArrayList<>();
                for (int i = 0; i < choice.values().size(); i++) {
                    String value = choice.values().get(i);
                    constants.add(new ConstantView(Names.constant(value), JavadocText.escape(value),
                            i == choice.values().size() - 1));
                }
                enums.add(new EnumView(choice.javaName(), JavadocText.escape(description), String.join(", ",
                        choice.values().stream().map(v -> "\"" + JavaString.escape(v) + "\"").toList()), constants));
            }
            case ConfigType.Items items -> collectTypes(items.items(), description, records, enums);
            default -> {
            }
        }
    }

    static String javaType(ConfigType type) {
        return switch (type) {
            case ConfigType.Integral integral -> integral.wide() ? "long" : "int";
            case ConfigType.Decimal decimal -> "double";
            case ConfigType.Text text -> "String";
            case ConfigType.Bool bool -> "boolean";
            case ConfigType.Choice choice -> choice.javaName();
            case ConfigType.Group group -> group.javaName();
            case ConfigType.Items items -> "List<" + boxed(javaType(items.items())) + ">";
        };
    }

    private static String boxed(String type) {
        return switch (type) {
            case "long" -> "Long";
            case "int" -> "Integer";
            case "double" -> "Double";
            case "boolean" -> "Boolean";
            default -> type;
        };
    }

    /** The expression reading the {@code ConfigValue} {@code value} as {@code type}, with its default if any. */
    private static String read(String value, ConfigType type, Optional<Object> fallback, int depth) {
        return switch (type) {
            case ConfigType.Integral integral -> value + (integral.wide() ? ".asLong(" : ".asInt(")
                    + fallback.map(v -> v + (integral.wide() ? "L" : "")).orElse("null") + ", "
                    + longLiteral(integral.minimum()) + ", " + longLiteral(integral.maximum()) + ")";
            case ConfigType.Decimal decimal -> value + ".asNumber(" + fallback.map(ConfigView::doubleLiteral).orElse("null")
                    + ", " + decimal.minimum().map(ConfigView::doubleLiteral).orElse("null") + ", "
                    + decimal.maximum().map(ConfigView::doubleLiteral).orElse("null") + ")";
            case ConfigType.Text text -> value + ".asString(" + fallback.map(ConfigView::stringLiteral).orElse("null") + ", "
                    + text.pattern().map(ConfigView::stringLiteral).orElse("null") + ")";
            case ConfigType.Bool bool -> value + ".asBoolean(" + fallback.map(String::valueOf).orElse("null") + ")";
            case ConfigType.Choice choice -> value + ".asEnum(" + choice.javaName() + ".JSON, List.of(" + choice.javaName()
                    + ".values()), " + fallback.map(v -> choice.javaName() + "." + Names.constant((String) v)).orElse("null") + ")";
            case ConfigType.Group group -> value + ".asObject(" + group.javaName() + ".KEYS, " + group.javaName() + "::read, "
                    + group.omittable() + ")";
            case ConfigType.Items items -> {
                String item = "item" + depth;
                String list = fallback.map(v -> "List.<" + boxed(javaType(items.items())) + ">of(" + String.join(", ",
                        ((List<?>) v).stream().map(e -> literal(e, items.items())).toList()) + ")").orElse("null");
                yield value + ".asList(" + item + " -> " + read(item, items.items(), Optional.empty(), depth + 1) + ", "
                        + list + ", " + items.minItems() + ")";
            }
        };
    }

    private static String literal(Object value, ConfigType type) {
        return switch (type) {
            case ConfigType.Integral integral -> value + (integral.wide() ? "L" : "");
            case ConfigType.Decimal decimal -> doubleLiteral(value);
            case ConfigType.Choice choice -> choice.javaName() + "." + Names.constant((String) value);
            case ConfigType.Text text -> stringLiteral(value);
            default -> String.valueOf(value);
        };
    }

    private static String longLiteral(Optional<BigDecimal> bound) {
        return bound.map(b -> b.toBigIntegerExact() + "L").orElse("null");
    }

    private static String doubleLiteral(Object value) {
        return (value instanceof BigDecimal b ? b.doubleValue() : ((Number) value).doubleValue()) + "d";
    }

    private static String stringLiteral(Object value) {
        return "\"" + JavaString.escape((String) value) + "\"";
    }
}
