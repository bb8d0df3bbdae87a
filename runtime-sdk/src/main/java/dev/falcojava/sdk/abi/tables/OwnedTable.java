package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.EntryVisitor;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableField;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A table owned by the plugin: typed columns in Java memory, usable directly by the plugin, and {@link #exported}
 * to the host through {@link OwnedTableUpcalls}, so that the host and other plugins read and write it. Entries keep
 * insertion order. Not synchronized: the host calls the plugins of one event source from one thread; a plugin that
 * also uses the table from threads of its own must synchronize. The test harness holds the host's tables in it too.
 * Internal to the SDK and its harness; not for plugin code.
 */
public final class OwnedTable implements Table {

    private static final MemorySegment EMPTY_TEXT = Arena.ofAuto().allocateFrom("");

    private final String name;
    private final StateType keyType;
    private final Consumer<String> errors;

    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Column> columnsByName = new HashMap<>();
    private final LongEntryMap<OwnedEntry> byLong = new LongEntryMap<>();
    private final Map<String, OwnedEntry> byString = new HashMap<>();
    private OwnedEntry first;
    private OwnedEntry last;
    private long size;

    private OwnedEntry[] slots = new OwnedEntry[16];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int slotsUsed;
    private int generation;

    private final Arena arena = Arena.ofAuto();
    private OwnedTableUpcalls upcalls;

    record Column(String name, StateType type, int index, TableFieldHandle handle, MemorySegment cName, boolean readOnly) {
    }

    /** An empty table; {@code errors} receives the reason of each call of the host's that fails. */
    public OwnedTable(String name, StateType keyType, Consumer<String> errors) {
        this.name = name;
        this.keyType = keyType;
        this.errors = errors;
    }

    /* ---- the plugin's side ---- */

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
        return columns.stream().map(c -> new FieldInfo(c.name, c.type, c.readOnly)).toList();
    }

    @Override
    public <F extends TableField> F field(String fieldName, FieldKind<F> kind) {
        Objects.requireNonNull(kind, "field kind");
        Column column = columnsByName.get(Objects.requireNonNull(fieldName, "field name"));
        if (column == null) {
            throw new TableException("table " + name + " has no field " + fieldName);
        }
        if (column.type != kind.type()) {
            throw new TableException("field " + fieldName + " of table " + name + " is of type " + column.type.yamlName()
                    + ", not " + kind);
        }
        return kind.handleType().cast(column.handle);
    }

    @Override
    public <F extends TableField> F addField(String fieldName, FieldKind<F> kind) {
        Objects.requireNonNull(kind, "field kind");
        return kind.handleType().cast(addColumn(fieldName, kind.type(), false).handle);
    }

    /**
     * Adds a field that plugins may read but not write through the host (the owner writes it through its own
     * entries), as the host's read-only fields are.
     */
    public <F extends TableField> F addReadOnlyField(String fieldName, FieldKind<F> kind) {
        return kind.handleType().cast(addColumn(fieldName, kind.type(), true).handle);
    }

    Column addColumn(String fieldName, StateType type, boolean readOnly) {
        Objects.requireNonNull(fieldName, "field name");
        Column existing = columnsByName.get(fieldName);
        if (existing != null) {
            if (existing.type != type) {
                throw new TableException("field " + fieldName + " of table " + name + " exists with type "
                        + existing.type.yamlName() + ", not " + type.yamlName());
            }
            return existing;
        }
        if (type == StateType.TABLE) {
            throw new TableException("table " + name + ": field " + fieldName + " of type table cannot be added: a"
                    + " plugin's own table has no sub-tables yet");
        }
        if (fieldName.isEmpty() || fieldName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("table " + name + ": a field name must be non-empty text without NUL");
        }
        int index = columns.size();
        Column column = new Column(fieldName, type, index, TableFieldHandle.create(this, fieldName, type, index + 1L),
                arena.allocateFrom(fieldName), readOnly);
        columns.add(column);
        columnsByName.put(fieldName, column);
        return column;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Entry get(long key) {
        requireIntegerKeys();
        return byLong.get(key);
    }

    @Override
    public Entry get(String key) {
        requireStringKeys();
        return byString.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public boolean forEach(EntryVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        for (OwnedEntry entry = first; entry != null; ) {
            OwnedEntry next = entry.next;
            if (!visitor.visit(entry)) {
                return false;
            }
            entry = next;
        }
        return true;
    }

    @Override
    public Entry add(long key) {
        requireIntegerKeys();
        checkKeyRange(key);
        return insert(key, null, newEntry());
    }

    @Override
    public Entry add(String key) {
        requireStringKeys();
        Objects.requireNonNull(key, "key");
        if (key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("table " + name + ": a key contains a NUL character");
        }
        return insert(0, key, newEntry());
    }

    @Override
    public void erase(long key) {
        requireIntegerKeys();
        OwnedEntry entry = byLong.get(key);
        if (entry == null) {
            throw new TableException("table " + name + " has no entry with key " + key + " to erase");
        }
        unlink(entry);
    }

    @Override
    public void erase(String key) {
        requireStringKeys();
        OwnedEntry entry = byString.get(Objects.requireNonNull(key, "key"));
        if (entry == null) {
            throw new TableException("table " + name + " has no entry with key \"" + key + "\" to erase");
        }
        unlink(entry);
    }

    @Override
    public void clear() {
        while (first != null) {
            unlink(first);
        }
    }

    private void requireIntegerKeys() {
        if (!keyType.isInteger()) {
            throw new IllegalArgumentException("table " + name + " has keys of type " + keyType.yamlName()
                    + ": use the String methods, not the long ones");
        }
    }

    private void requireStringKeys() {
        if (keyType != StateType.STRING) {
            throw new IllegalArgumentException("table " + name + " has keys of type " + keyType.yamlName()
                    + ": use the long methods, not the String ones");
        }
    }

    private void checkKeyRange(long key) {
        boolean fits = switch (keyType) {
            case INT8 -> key >= Byte.MIN_VALUE && key <= Byte.MAX_VALUE;
            case INT16 -> key >= Short.MIN_VALUE && key <= Short.MAX_VALUE;
            case INT32 -> key >= Integer.MIN_VALUE && key <= Integer.MAX_VALUE;
            case UINT8 -> key >= 0 && key <= 0xFF;
            case UINT16 -> key >= 0 && key <= 0xFFFF;
            case UINT32 -> key >= 0 && key <= 0xFFFFFFFFL;
            default -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException("key " + key + " does not fit table " + name + " (" + keyType.yamlName() + " keys)");
        }
    }

    OwnedEntry newEntry() {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == slots.length) {
                slots = Arrays.copyOf(slots, slotsUsed * 2);
            }
            slot = slotsUsed++;
        }
        OwnedEntry entry = new OwnedEntry(this, slot, ++generation, columns.size());
        slots[slot] = entry;
        return entry;
    }

    void freeSlot(OwnedEntry entry) {
        slots[entry.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = entry.slot;
    }

    OwnedEntry insert(long longKey, String stringKey, OwnedEntry entry) {
        OwnedEntry replaced = stringKey == null ? byLong.put(longKey, entry) : byString.put(stringKey, entry);
        if (replaced != null) {
            detach(replaced);
        }
        entry.longKey = longKey;
        entry.stringKey = stringKey;
        entry.inTable = true;
        entry.previous = last;
        entry.next = null;
        if (last == null) {
            first = entry;
        } else {
            last.next = entry;
        }
        last = entry;
        size++;
        return entry;
    }

    void unlink(OwnedEntry entry) {
        if (entry.stringKey == null) {
            byLong.remove(entry.longKey);
        } else {
            byString.remove(entry.stringKey);
        }
        detach(entry);
    }

    /** Takes {@code entry} out of the order list and frees its slot; the key maps were updated by the caller. */
    private void detach(OwnedEntry entry) {
        if (entry.previous == null) {
            first = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            last = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        entry.previous = entry.next = null;
        entry.inTable = false;
        size--;
        freeSlot(entry);
    }

    /* ---- what the host's side reads and changes, see OwnedTableUpcalls ---- */

    /** The {@code ss_plugin_table_input} describing this table, created on first use; valid while the table lives. */
    public long exported() {
        if (upcalls == null) {
            upcalls = new OwnedTableUpcalls(this);
        }
        return upcalls.input();
    }

    Consumer<String> errors() {
        return errors;
    }

    Arena arena() {
        return arena;
    }

    List<Column> columns() {
        return columns;
    }

    Column column(String fieldName) {
        return columnsByName.get(fieldName);
    }

    OwnedEntry first() {
        return first;
    }

    OwnedEntry find(long key) {
        return byLong.get(key);
    }

    OwnedEntry find(String key) {
        return byString.get(key);
    }

    /** The live entry the host knows as {@code handle}, or null when it was destroyed or never was. */
    OwnedEntry entryAt(long handle) {
        int slot = (int) (handle & 0xFFFFFFFFL) - 1;
        int expected = (int) (handle >>> 32);
        OwnedEntry entry = slot >= 0 && slot < slotsUsed ? slots[slot] : null;
        return entry == null || entry.generation != expected ? null : entry;
    }

    static MemorySegment emptyText() {
        return EMPTY_TEXT;
    }

    @Override
    public String toString() {
        return "table " + name + " (" + keyType.yamlName() + " keys, owned by this plugin)";
    }
}
