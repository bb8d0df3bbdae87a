package dev.falcojava.sdk.api.tables;

import java.util.List;

/**
 * The type of a field to look up or add, with the Java handle it gives:
 * {@code table.field("pid", FieldKind.INT64)} is a {@link LongField}.
 *
 * @param <F> the handle type
 */
public final class FieldKind<F extends TableField> {

    public static final FieldKind<IntField> INT8 = new FieldKind<>(StateType.INT8, IntField.class);
    public static final FieldKind<IntField> INT16 = new FieldKind<>(StateType.INT16, IntField.class);
    public static final FieldKind<IntField> INT32 = new FieldKind<>(StateType.INT32, IntField.class);
    public static final FieldKind<LongField> INT64 = new FieldKind<>(StateType.INT64, LongField.class);
    public static final FieldKind<IntField> UINT8 = new FieldKind<>(StateType.UINT8, IntField.class);
    public static final FieldKind<IntField> UINT16 = new FieldKind<>(StateType.UINT16, IntField.class);
    public static final FieldKind<IntField> UINT32 = new FieldKind<>(StateType.UINT32, IntField.class);
    public static final FieldKind<LongField> UINT64 = new FieldKind<>(StateType.UINT64, LongField.class);
    public static final FieldKind<StringField> STRING = new FieldKind<>(StateType.STRING, StringField.class);
    public static final FieldKind<BoolField> BOOL = new FieldKind<>(StateType.BOOL, BoolField.class);

    private static final List<FieldKind<?>> ALL = List.of(INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64,
            STRING, BOOL);

    private final StateType type;
    private final Class<F> handleType;
    private final StateType subtableKeyType;

    private FieldKind(StateType type, Class<F> handleType) {
        this(type, handleType, null);
    }

    private FieldKind(StateType type, Class<F> handleType, StateType subtableKeyType) {
        this.type = type;
        this.handleType = handleType;
        this.subtableKeyType = subtableKeyType;
    }

    /**
     * A field of type table whose sub-tables have keys of {@code keyType}, giving a {@link SubtableField}:
     * {@code threads.field("file_descriptors", FieldKind.table(StateType.INT64))}.
     */
    public static FieldKind<SubtableField> table(StateType keyType) {
        if (keyType == null || keyType == StateType.TABLE || keyType == StateType.BOOL) {
            throw new IllegalArgumentException("sub-table keys must be of an integer type or string, not "
                    + (keyType == null ? "null" : keyType.yamlName()));
        }
        return new FieldKind<>(StateType.TABLE, SubtableField.class, keyType);
    }

    /** For a {@link #table} kind, the key type of the sub-tables; {@code null} otherwise. */
    public StateType subtableKeyType() {
        return subtableKeyType;
    }

    /** The field type in the table. */
    public StateType type() {
        return type;
    }

    /** The Java handle type: {@link LongField}, {@link IntField}, {@link BoolField}, {@link StringField} or {@link SubtableField}. */
    public Class<F> handleType() {
        return handleType;
    }

    /** The kind of {@code type}; for {@link StateType#TABLE}, use {@link #table(StateType)}, which needs the key type. */
    public static FieldKind<?> of(StateType type) {
        for (FieldKind<?> kind : ALL) {
            if (kind.type == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException("fields of type " + type.yamlName() + " are not supported");
    }

    @Override
    public String toString() {
        return subtableKeyType == null ? type.yamlName() : "table (" + subtableKeyType.yamlName() + " keys)";
    }
}
