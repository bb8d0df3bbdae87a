package dev.falcojava.cli.model;

import java.util.Arrays;
import java.util.Optional;

/** Types of init_config keys, with their JSON schema type and the Java type of the config record. */
public enum ConfigType {
    STRING("string", "String", "string"),
    INTEGER("integer", "long", "integer"),
    NUMBER("number", "double", "number"),
    BOOLEAN("boolean", "boolean", "bool");

    private final String yamlName;
    private final String javaType;
    private final String reader;

    ConfigType(String yamlName, String javaType, String reader) {
        this.yamlName = yamlName;
        this.javaType = javaType;
        this.reader = reader;
    }

    /** The name in plugin.yaml, which is also the JSON schema type. */
    public String yamlName() {
        return yamlName;
    }

    public String javaType() {
        return javaType;
    }

    /** The {@code ConfigObject} method that reads it. */
    public String reader() {
        return reader;
    }

    public static Optional<ConfigType> fromYaml(String name) {
        return Arrays.stream(values()).filter(type -> type.yamlName.equals(name)).findFirst();
    }

    /** The value of {@code text} as this type (String, Long, Double or Boolean), or empty when it is not one. */
    public Optional<Object> parse(String text) {
        try {
            return switch (this) {
                case STRING -> Optional.of(text);
                case INTEGER -> Optional.of(Long.parseLong(text));
                case NUMBER -> {
                    double value = Double.parseDouble(text);
                    yield Double.isFinite(value) ? Optional.of(value) : Optional.empty();
                }
                case BOOLEAN -> text.equals("true") || text.equals("false") ? Optional.of(Boolean.parseBoolean(text))
                        : Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
