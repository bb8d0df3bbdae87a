package dev.falcojava.cli.model;

import java.util.Arrays;
import java.util.Optional;

/** Types of table keys and fields a descriptor may declare, with the SDK handle and Java type they map to. */
public enum TableType {
    INT8("int8", "IntField", "int"),
    INT16("int16", "IntField", "int"),
    INT32("int32", "IntField", "int"),
    INT64("int64", "LongField", "long"),
    UINT8("uint8", "IntField", "int"),
    UINT16("uint16", "IntField", "int"),
    UINT32("uint32", "IntField", "int"),
    UINT64("uint64", "LongField", "long"),
    STRING("string", "StringField", "String"),
    BOOL("bool", "BoolField", "boolean"),
    /** A field holding a sub-table per entry (declared with its own key and fields); never a key. */
    TABLE("table", "SubtableField", "Table");

    private final String yamlName;
    private final String handleType;
    private final String javaType;

    TableType(String yamlName, String handleType, String javaType) {
        this.yamlName = yamlName;
        this.handleType = handleType;
        this.javaType = javaType;
    }

    public String yamlName() {
        return yamlName;
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
        return name();
    }

    /** Whether a table may be keyed by this type: integers and strings. */
    public boolean isKeyType() {
        return this != BOOL && this != TABLE;
    }

    public static Optional<TableType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(TableType::yamlName).toList());
    }
}
