package dev.falcojava.cli.model;

import java.util.Arrays;
import java.util.Optional;

/** Field types a descriptor may declare, with the Java type and SDK setter they map to. */
public enum FieldType {
    UINT64("uint64", "long", "0", "setU64"),
    STRING("string", "String", "null", "setString"),
    BOOL("bool", "boolean", "false", "setBool");

    private final String yamlName;
    private final String javaType;
    private final String javaDefault;
    private final String setter;

    FieldType(String yamlName, String javaType, String javaDefault, String setter) {
        this.yamlName = yamlName;
        this.javaType = javaType;
        this.javaDefault = javaDefault;
        this.setter = setter;
    }

    /** The literal a stub returns when the field has no value (the SDK ignores it after {@code noValue()}). */
    public String javaDefault() {
        return javaDefault;
    }

    /** The name used in plugin.yaml and in the fields JSON. */
    public String yamlName() {
        return yamlName;
    }

    /** The Java type of the typed extract method. */
    public String javaType() {
        return javaType;
    }

    /** The {@code ExtractRequest} method that sets a value of this type. */
    public String setter() {
        return setter;
    }

    /** The SDK's {@code FieldType} constant. */
    public String sdkConstant() {
        return name();
    }

    public static Optional<FieldType> fromYaml(String name) {
        return Arrays.stream(values()).filter(type -> type.yamlName.equals(name)).findFirst();
    }
}
