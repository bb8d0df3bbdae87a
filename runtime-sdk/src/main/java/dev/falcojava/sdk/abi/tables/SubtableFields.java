package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableField;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields of the sub-tables of a table-typed field, during init. The plugin API reaches them through the fields
 * vtable on a sub-table, and every sub-table of one field shares them: the SDK creates a temporary entry of the
 * owning table (never added to it), reads its sub-table, uses the fields vtable on it and destroys the entry.
 */
final class SubtableFields {

    private SubtableFields() {
    }

    static List<FieldInfo> list(TableFieldHandle.OfTable field) {
        return withSubtable(field, "listing its fields", subtable -> field.call.init().listFields(subtable));
    }

    static <F extends TableField> F resolve(TableFieldHandle.OfTable field, String name, FieldKind<F> kind, boolean add) {
        Objects.requireNonNull(name, "field name");
        Objects.requireNonNull(kind, "field kind");
        String what = (add ? "adding" : "looking up") + " field " + name + " of type " + kind.type().yamlName();
        if (kind.type() == StateType.TABLE) {
            throw new TableException("sub-table " + field.name + " of table " + field.owner.name() + ": " + what
                    + " failed: the SDK reaches one level of nested tables");
        }
        long address = withSubtable(field, what, subtable -> {
            long handle = field.call.init().field(subtable, name, kind.type(), add);
            if (handle == 0) {
                throw new TableException("sub-table " + field.name + " of table " + field.owner.name() + ": " + what
                        + " failed: " + field.call.ownerError());
            }
            return handle;
        });
        return TableFieldHandle.of(field.shape, name, kind, address);
    }

    private static <T> T withSubtable(TableFieldHandle.OfTable field, String what, Function<HostTable, T> action) {
        TableCall call = field.call;
        HostTable owner = field.owner;
        if (call.name() != TableCall.INIT) {
            throw new IllegalStateException("sub-table " + field.name + " of table " + owner.name() + ": " + what
                    + " is possible during plugin_init only, not during " + call.describe());
        }
        long writer = call.writer(owner, what + " of sub-table ", field.name);
        MemorySegment create = call.function(writer, TableVtable.CREATE_TABLE_ENTRY);
        MemorySegment destroy = call.function(writer, TableVtable.DESTROY_TABLE_ENTRY);
        MemorySegment read = call.function(call.reader(owner, what + " of sub-table ", field.name), TableVtable.READ_ENTRY_FIELD);
        long entry;
        try {
            entry = (long) TableDowncalls.POINTER_OF_1.invokeExact(create, owner.address);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (entry == 0) {
            throw new TableException("table " + owner.name() + ": creating an entry to reach sub-table " + field.name
                    + " failed: " + call.ownerError());
        }
        try {
            int rc = (int) TableDowncalls.RC_OF_4.invokeExact(read, owner.address, entry, field.address, call.value);
            long subtable = NativeMemory.pointer(call.value);
            if (rc != ReturnCode.SUCCESS || subtable == 0) {
                throw new TableException("table " + owner.name() + ": reading sub-table " + field.name + " failed: "
                        + (rc != ReturnCode.SUCCESS ? call.ownerError() : "the host gave no table"));
            }
            return action.apply(call.subtable(field.shape, subtable));
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        } finally {
            try {
                TableDowncalls.VOID_OF_2.invokeExact(destroy, owner.address, entry);
            } catch (Throwable ignored) {
                // the entry was never added: a host failing to destroy it only leaks it
            }
        }
    }
}
