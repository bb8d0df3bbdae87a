package dev.falcojava.cli.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Field types a descriptor may declare: each is one of the SDK's {@link dev.falcojava.sdk.api.FieldType}s (their
 * one source of truth: names and type codes), with the Java types and SDK calls generated code uses for it.
 */
public enum FieldType {
    UINT64(dev.falcojava.sdk.api.FieldType.UINT64, "long", "Long", "0", "U64", null),
    STRING(dev.falcojava.sdk.api.FieldType.STRING, "String", "String", "null", "String", null),
    BOOL(dev.falcojava.sdk.api.FieldType.BOOL, "boolean", "Boolean", "false", "Bool", null),
    RELTIME(dev.falcojava.sdk.api.FieldType.RELTIME, "Duration", "Duration", "null", "RelTime", "java.time.Duration"),
    ABSTIME(dev.falcojava.sdk.api.FieldType.ABSTIME, "Instant", "Instant", "null", "AbsTime", "java.time.Instant"),
    IPADDR(dev.falcojava.sdk.api.FieldType.IPADDR, "InetAddress", "InetAddress", "null", "IpAddr",
            "java.net.InetAddress"),
    IPNET(dev.falcojava.sdk.api.FieldType.IPNET, "IpNetwork", "IpNetwork", "null", "IpNet",
            "dev.falcojava.sdk.api.IpNetwork");

    private final dev.falcojava.sdk.api.FieldType sdk;
    private final String javaType;
    private final String boxedType;
    private final String javaDefault;
    private final String sdkSuffix;
    private final String importName;

    FieldType(dev.falcojava.sdk.api.FieldType sdk, String javaType, String boxedType, String javaDefault, String sdkSuffix,
            String importName) {
        this.sdk = sdk;
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
        return sdk.jsonName();
    }

    /** The SDK's type this one is. */
    public dev.falcojava.sdk.api.FieldType sdk() {
        return sdk;
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
        return sdk.name();
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
        return Arrays.stream(values()).filter(type -> type.yamlName().equals(name)).findFirst();
    }
}
