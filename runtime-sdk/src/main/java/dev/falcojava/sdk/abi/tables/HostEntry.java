package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.api.tables.BoolField;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;

/**
 * An entry of a {@link HostTable}: the host's opaque pointer, valid during the call that got it. Objects are
 * pooled by the {@link TableCall} and reused call after call; a value crosses through its preallocated memory.
 */
final class HostEntry implements Entry {

    private final TableCall call;
    HostTable table;
    long address;

    HostEntry(TableCall call) {
        this.call = call;
    }

    @Override
    public Table table() {
        return live();
    }

    @Override
    public long get(LongField field) {
        call.read(this, TableFieldHandle.check(field, live().shape));
        return NativeMemory.u64(call.value);
    }

    @Override
    public int get(IntField field) {
        TableFieldHandle handle = TableFieldHandle.check(field, live().shape);
        call.read(this, handle);
        return handle.widen(NativeMemory.u64(call.value));
    }

    @Override
    public boolean get(BoolField field) {
        call.read(this, TableFieldHandle.check(field, live().shape));
        return NativeMemory.u32(call.value) != 0;
    }

    @Override
    public String get(StringField field) {
        call.read(this, TableFieldHandle.check(field, live().shape));
        return NativeMemory.string(NativeMemory.pointer(call.value), "");
    }

    @Override
    public Table get(SubtableField field) {
        HostTable table = live();
        TableFieldHandle.OfTable handle = (TableFieldHandle.OfTable) TableFieldHandle.check(field, table.shape);
        call.read(this, handle);
        long subtable = NativeMemory.pointer(call.value);
        if (subtable == 0) {
            throw new TableException("table " + table.name() + ": field " + handle.name + " holds no table");
        }
        return call.subtable(handle.shape, subtable);
    }

    @Override
    public void set(LongField field, long value) {
        TableFieldHandle handle = TableFieldHandle.check(field, live().shape);
        NativeMemory.putU64(call.value, value);
        call.write(this, handle);
    }

    @Override
    public void set(IntField field, int value) {
        TableFieldHandle handle = TableFieldHandle.check(field, live().shape);
        NativeMemory.putU64(call.value, handle.checkedInt(value));
        call.write(this, handle);
    }

    @Override
    public void set(BoolField field, boolean value) {
        TableFieldHandle handle = TableFieldHandle.check(field, live().shape);
        NativeMemory.putU64(call.value, value ? 1 : 0);
        call.write(this, handle);
    }

    @Override
    public void set(StringField field, String value) {
        TableFieldHandle handle = TableFieldHandle.check(field, live().shape);
        call.putStringValue(value, handle);
        call.write(this, handle);
    }

    private HostTable live() {
        HostTable current = table;
        if (address == 0 || current == null) {
            throw new IllegalStateException("this table entry is no longer valid: an entry is valid until the end of"
                    + " the call that got it (or of the visit, in forEach)");
        }
        return current;
    }

    @Override
    public String toString() {
        return address == 0 ? "released table entry" : "entry of table " + table.name();
    }
}
