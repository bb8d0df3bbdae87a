package dev.falcojava.cli.model;

import dev.falcojava.sdk.api.tables.StateType;

import java.util.Arrays;
import java.util.Optional;

/**
 * Types of table keys and fields a descriptor may declare: each is one of the SDK's {@link StateType}s (their one
 * source of truth: names and type codes), with the SDK handle and Java type generated code uses for it.
 */
public enum TableType {
    INT8(StateType.INT8, "IntField", "int"),
    INT16(StateType.INT16, "IntField", "int"),
    INT32(StateType.INT32, "IntField", "int"),
    INT64(StateType.INT64, "LongField", "long"),
    UINT8(StateType.UINT8, "IntField", "int"),
    UINT16(StateType.UINT16, "IntField", "int"),
    UINT32(StateType.UINT32, "IntField", "int"),
    UINT64(StateType.UINT64, "LongField", "long"),
    STRING(StateType.STRING, "StringField", "String"),
    BOOL(StateType.BOOL, "BoolField", "boolean"),
    /** A field holding a sub-table per entry (declared with its own key and fields); never a key. */
    TABLE(StateType.TABLE, "SubtableField", "Table");

    private final StateType sdk;
    private final String handleType;
    private final String javaType;

    TableType(StateType sdk, String handleType, String javaType) {
        this.sdk = sdk;
        this.handleType = handleType;
        this.javaType = javaType;
    }

    public String yamlName() {
        return sdk.yamlName();
    }

    /** The SDK's type this one is. */
    public StateType sdk() {
        return sdk;
    }

    /** The SDK field handle: {@code LongField}, {@code IntField}, {@code BoolField}, {@code StringField} or {@code SubtableField}. */
    public String handleType() {
        return handleType;
    }

    /** The Java type of a value. */
    public String javaType() {
        return javaType;
    }

    /** The constant of {@code StateType} and {@code FieldKind}: {@code UINT64}, ... */
    public String sdkConstant() {
        return sdk.name();
    }

    /** Whether a table may be keyed by this type: integers and strings. */
    public boolean isKeyType() {
        return sdk.isInteger() || sdk == StateType.STRING;
    }

    public static Optional<TableType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(TableType::yamlName).toList());
    }
}
