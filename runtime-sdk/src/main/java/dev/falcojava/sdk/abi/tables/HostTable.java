package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.EntryVisitor;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableField;

import java.util.List;
import java.util.Objects;

/** A table reached through the host (its own, or another plugin's): every operation is a call into the host. */
final class HostTable implements Table {

    private final TableCall call;
    /** The host's pointer; for a sub-table view, set per call by {@link TableCall#subtable}. */
    long address;
    private final String name;
    private final StateType keyType;
    /** The identity field handles belong to: this table, or for a sub-table the shape of its field. */
    final HostTable shape;

    HostTable(TableCall call, long address, String name, StateType keyType) {
        this.call = call;
        this.address = address;
        this.name = name;
        this.keyType = keyType;
        this.shape = this;
    }

    /** A view of one sub-table of {@code shape}. */
    HostTable(TableCall call, HostTable shape) {
        this.call = call;
        this.name = shape.name;
        this.keyType = shape.keyType;
        this.shape = shape;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StateType keyType() {
        return keyType;
    }

    @Override
    public List<FieldInfo> fields() {
        return call.init().listFields(this);
    }

    @Override
    public <F extends TableField> F field(String fieldName, FieldKind<F> kind) {
        return resolve(fieldName, kind, false);
    }

    @Override
    public <F extends TableField> F addField(String fieldName, FieldKind<F> kind) {
        return resolve(fieldName, kind, true);
    }

    private <F extends TableField> F resolve(String fieldName, FieldKind<F> kind, boolean add) {
        Objects.requireNonNull(fieldName, "field name");
        Objects.requireNonNull(kind, "field kind");
        if (add && kind.type() == StateType.TABLE) {
            throw new TableException("table " + name + ": adding field " + fieldName + " failed: fields of type table"
                    + " cannot be added to a host's table");
        }
        long field = call.init().field(this, fieldName, kind.type(), add);
        if (field == 0) {
            throw new TableException("table " + name + ": " + (add ? "adding" : "looking up") + " field " + fieldName
                    + " of type " + kind.type().yamlName() + " failed: " + call.ownerError());
        }
        if (kind.type() == StateType.TABLE) {
            return kind.handleType().cast(new TableFieldHandle.OfTable(call, this, fieldName, kind.subtableKeyType(), field));
        }
        return TableFieldHandle.of(shape, fieldName, kind, field);
    }

    @Override
    public long size() {
        return call.size(this);
    }

    @Override
    public Entry get(long key) {
        putKey(key);
        return call.get(this);
    }

    @Override
    public Entry get(String key) {
        requireStringKeys();
        call.putKey(key);
        return call.get(this);
    }

    @Override
    public boolean forEach(EntryVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        return call.iterate(this, visitor);
    }

    @Override
    public Entry add(long key) {
        putKey(key);
        return call.add(this, Long.toString(key));
    }

    @Override
    public Entry add(String key) {
        requireStringKeys();
        return call.add(this, call.putKey(key));
    }

    @Override
    public void erase(long key) {
        putKey(key);
        call.erase(this, Long.toString(key));
    }

    @Override
    public void erase(String key) {
        requireStringKeys();
        call.erase(this, call.putKey(key));
    }

    @Override
    public void clear() {
        call.clear(this);
    }

    private void putKey(long key) {
        if (!keyType.isInteger()) {
            throw new IllegalArgumentException("table " + name + " has keys of type " + keyType.yamlName()
                    + ": use the String methods, not the long ones");
        }
        NativeMemory.putU64(call.key, key);
    }

    private void requireStringKeys() {
        if (keyType != StateType.STRING) {
            throw new IllegalArgumentException("table " + name + " has keys of type " + keyType.yamlName()
                    + ": use the long methods, not the String ones");
        }
    }

    @Override
    public String toString() {
        return "table " + name + " (" + keyType.yamlName() + " keys)";
    }
}
