package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.BoolField;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableField;

import java.util.List;

/**
 * A field handle: the table it belongs to, and the owner's opaque {@code ss_plugin_table_field_t*} (for a table the
 * plugin owns, its column index + 1). One subclass per Java value type.
 */
abstract sealed class TableFieldHandle {

    final Table table;
    final String name;
    final StateType type;
    final long address;

    private TableFieldHandle(Table table, String name, StateType type, long address) {
        this.table = table;
        this.name = name;
        this.type = type;
        this.address = address;
    }

    static <F extends TableField> F of(Table table, String name, FieldKind<F> kind, long address) {
        return kind.handleType().cast(create(table, name, kind.type(), address));
    }

    static TableFieldHandle create(Table table, String name, StateType type, long address) {
        return switch (type) {
            case INT64, UINT64 -> new OfLong(table, name, type, address);
            case INT8, INT16, INT32, UINT8, UINT16, UINT32 -> new OfInt(table, name, type, address);
            case BOOL -> new OfBool(table, name, type, address);
            case STRING -> new OfString(table, name, type, address);
            case TABLE -> throw new IllegalArgumentException("field " + name + " of table " + table.name()
                    + ": a field of type table needs the key type of its sub-tables");
        };
    }

    /** {@code field} as a handle of {@code table}, or an exception naming both tables. */
    static TableFieldHandle check(TableField field, Table table) {
        if (field == null) {
            throw new NullPointerException("field of table " + table.name() + " is null");
        }
        TableFieldHandle handle = (TableFieldHandle) field;
        if (handle.table != table) {
            throw new IllegalArgumentException("field " + handle.name + " belongs to table " + handle.table.name()
                    + ", not to table " + table.name());
        }
        return handle;
    }

    /** Checks that {@code value} fits this integer field, which may be narrower than an int. */
    int checkedInt(int value) {
        boolean fits = switch (type) {
            case INT8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case INT16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case UINT8 -> value >= 0 && value <= 0xFF;
            case UINT16 -> value >= 0 && value <= 0xFFFF;
            default -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException("value " + value + " does not fit field " + name + " of table "
                    + table.name() + " (" + type.yamlName() + ")");
        }
        return value;
    }

    /** The int value of the low bytes of {@code raw}, widened as the field's type says. */
    int widen(long raw) {
        return switch (type) {
            case INT8 -> (byte) raw;
            case INT16 -> (short) raw;
            case UINT8 -> (int) (raw & 0xFF);
            case UINT16 -> (int) (raw & 0xFFFF);
            default -> (int) raw;
        };
    }

    public final String name() {
        return name;
    }

    public final StateType type() {
        return type;
    }

    @Override
    public final String toString() {
        return table.name() + "." + name + " (" + type.yamlName() + ")";
    }

    static final class OfLong extends TableFieldHandle implements LongField {
        OfLong(Table table, String name, StateType type, long address) {
            super(table, name, type, address);
        }
    }

    static final class OfInt extends TableFieldHandle implements IntField {
        OfInt(Table table, String name, StateType type, long address) {
            super(table, name, type, address);
        }
    }

    static final class OfBool extends TableFieldHandle implements BoolField {
        OfBool(Table table, String name, StateType type, long address) {
            super(table, name, type, address);
        }
    }

    /**
     * A field of type table of a host's table: {@code owner} is the table it was resolved on (with the host's
     * address, during init), {@code shape} the identity of its sub-tables, to which their field handles belong.
     */
    static final class OfTable extends TableFieldHandle implements SubtableField {
        final TableCall call;
        final HostTable owner;
        final HostTable shape;

        OfTable(TableCall call, HostTable owner, String name, StateType keyType, long address) {
            super(owner.shape, name, StateType.TABLE, address);
            this.call = call;
            this.owner = owner;
            this.shape = new HostTable(call, 0, name, keyType);
        }

        @Override
        public StateType keyType() {
            return shape.keyType();
        }

        @Override
        public List<FieldInfo> fields() {
            return SubtableFields.list(this);
        }

        @Override
        public <F extends TableField> F field(String fieldName, FieldKind<F> kind) {
            return SubtableFields.resolve(this, fieldName, kind, false);
        }

        @Override
        public <F extends TableField> F addField(String fieldName, FieldKind<F> kind) {
            return SubtableFields.resolve(this, fieldName, kind, true);
        }
    }

    /**
     * A field of type table of a plugin's own table: {@code subtables} is the shape every entry's sub-table shares,
     * on which the sub-tables' fields are defined.
     */
    static final class OfOwnedTable extends TableFieldHandle implements SubtableField {
        final OwnedTable subtables;

        OfOwnedTable(Table table, String name, long address, OwnedTable subtables) {
            super(table, name, StateType.TABLE, address);
            this.subtables = subtables;
        }

        @Override
        public StateType keyType() {
            return subtables.keyType();
        }

        @Override
        public List<FieldInfo> fields() {
            return subtables.fields();
        }

        @Override
        public <F extends TableField> F field(String fieldName, FieldKind<F> kind) {
            return subtables.field(fieldName, kind);
        }

        @Override
        public <F extends TableField> F addField(String fieldName, FieldKind<F> kind) {
            return subtables.addField(fieldName, kind);
        }
    }

    static final class OfString extends TableFieldHandle implements StringField {
        OfString(Table table, String name, StateType type, long address) {
            super(table, name, type, address);
        }
    }
}
