package dev.falcojava.cli.model;

import java.util.Arrays;
import java.util.Optional;

/** Field types a descriptor may declare, with the Java types and SDK calls they map to. */
public enum FieldType {
    UINT64("uint64", "long", "Long", "0", "U64", null),
    STRING("string", "String", "String", "null", "String", null),
    BOOL("bool", "boolean", "Boolean", "false", "Bool", null),
    RELTIME("reltime", "Duration", "Duration", "null", "RelTime", "java.time.Duration"),
    ABSTIME("abstime", "Instant", "Instant", "null", "AbsTime", "java.time.Instant"),
    IPADDR("ipaddr", "InetAddress", "InetAddress", "null", "IpAddr", "java.net.InetAddress"),
    IPNET("ipnet", "IpNetwork", "IpNetwork", "null", "IpNet", "dev.falcojava.sdk.api.IpNetwork");

    private final String yamlName;
    private final String javaType;
    private final String boxedType;
    private final String javaDefault;
    private final String sdkSuffix;
    private final String importName;

    FieldType(String yamlName, String javaType, String boxedType, String javaDefault, String sdkSuffix, String importName) {
        this.yamlName = yamlName;
        this.javaType = javaType;
        this.boxedType = boxedType;
        this.javaDefault = javaDefault;
        this.sdkSuffix = sdkSuffix;
        this.importName = importName;
    }

    /** The literal a stub returns when the field has no value (the SDK ignores it after {@code noValue()}). */
    public String javaDefault() {
        return javaDefault;
    }

    /** The name used in plugin.yaml and in the fields JSON. */
    public String yamlName() {
        return yamlName;
    }

    /** The Java type of a single value in the typed extract method. */
    public String javaType() {
        return javaType;
    }

    /** The Java type of one element of a list field's values. */
    public String boxedType() {
        return boxedType;
    }

    /** The {@code ExtractRequest} method that sets a single value of this type. */
    public String setter() {
        return "set" + sdkSuffix;
    }

    /** The {@code ExtractRequest} method that adds one value of a list field of this type. */
    public String adder() {
        return "add" + sdkSuffix;
    }

    /** The SDK's {@code FieldType} constant. */
    public String sdkConstant() {
        return name();
    }

    /** The class a user file must import to use {@link #javaType()}, or {@code null} when none is needed. */
    public String importName() {
        return importName;
    }

    /** The names of every type, for messages. */
    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(FieldType::yamlName).toList());
    }

    public static Optional<FieldType> fromYaml(String name) {
        return Arrays.stream(values()).filter(type -> type.yamlName.equals(name)).findFirst();
    }
}
