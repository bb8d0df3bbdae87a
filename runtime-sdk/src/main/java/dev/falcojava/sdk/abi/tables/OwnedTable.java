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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A table owned by the plugin: typed columns in Java memory, usable directly by the plugin, and {@link #exported}
 * to the host through {@link OwnedTableUpcalls}, so that the host and other plugins read and write it. Entries keep
 * insertion order. A field of type table gives each entry a sub-table, itself an {@code OwnedTable} whose columns
 * are those of the field's shape (shared by every sub-table of the field) and which the host reaches through the
 * {@code ss_plugin_table_input} its root table's upcalls give it ({@link SubtableInputs}). Not synchronized: the
 * host calls the plugins of one event source from one thread; a plugin that also uses the table from threads of its
 * own must synchronize. The test harness holds the host's tables in it too.
 * Internal to the SDK and its harness; not for plugin code.
 */
public final class OwnedTable implements Table {

    private static final MemorySegment EMPTY_TEXT = Arena.ofAuto().allocateFrom("");

    private final String name;
    private final StateType keyType;
    private final Consumer<String> errors;
    /** The table whose columns this one has: itself, or for a sub-table the shape of its field. */
    final OwnedTable shape;
    /** The exported table whose upcalls serve this one: itself, or for a sub-table the table that holds it. */
    final OwnedTable root;
    /** For a sub-table the host has seen, the address of its {@code ss_plugin_table_input}; 0 otherwise. */
    long input;

    private final List<Column> columns;
    private final Map<String, Column> columnsByName;
    private final LongEntryMap<OwnedEntry> byLong = new LongEntryMap<>();
    private final Map<String, OwnedEntry> byString = new HashMap<>();
    private OwnedEntry first;
    private OwnedEntry last;
    private long size;

    private final EntrySlots slots = new EntrySlots();
    private final Arena arena;
    private OwnedTableUpcalls upcalls;

    /** A column; {@code subtables} is the shape of the sub-tables of a field of type table, null for other types. */
    record Column(String name, StateType type, int index, TableFieldHandle handle, MemorySegment cName, boolean readOnly,
            OwnedTable subtables) {
    }

    /** An empty table; {@code errors} receives the reason of each call of the host's that fails. */
    public OwnedTable(String name, StateType keyType, Consumer<String> errors) {
        this(name, keyType, errors, null, null, Arena.ofAuto(), new ArrayList<>(), new HashMap<>());
    }

    private OwnedTable(String name, StateType keyType, Consumer<String> errors, OwnedTable shape, OwnedTable root,
            Arena arena, List<Column> columns, Map<String, Column> columnsByName) {
        this.name = name;
        this.keyType = keyType;
        this.errors = errors;
        this.shape = shape == null ? this : shape;
        this.root = root == null ? this : root;
        this.arena = arena;
        this.columns = columns;
        this.columnsByName = columnsByName;
    }

    /** A new, empty sub-table of this shape, for an entry of a table whose upcalls are {@code root}'s. */
    OwnedTable newSubtable(OwnedTable root) {
        return new OwnedTable(name, keyType, errors, this, root, arena, columns, columnsByName);
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
        if (column.type != kind.type() || column.subtables != null && column.subtables.keyType != kind.subtableKeyType()) {
            throw new TableException("field " + fieldName + " of table " + name + " is of type " + describe(column)
                    + ", not " + kind);
        }
        return kind.handleType().cast(column.handle);
    }

    /**
     * Adds a field; a field of type table ({@link FieldKind#table}) gives every entry a sub-table, whose fields are
     * added on the returned {@link dev.falcojava.sdk.api.tables.SubtableField}. The host reads such a field (it
     * cannot write it) as the entry's sub-table.
     */
    @Override
    public <F extends TableField> F addField(String fieldName, FieldKind<F> kind) {
        Objects.requireNonNull(kind, "field kind");
        if (kind.type() == StateType.TABLE) {
            return kind.handleType().cast(addTableColumn(fieldName, kind.subtableKeyType()).handle);
        }
        return kind.handleType().cast(addColumn(fieldName, kind.type(), false).handle);
    }

    private Column addTableColumn(String fieldName, StateType subtableKeyType) {
        Objects.requireNonNull(fieldName, "field name");
        Column existing = columnsByName.get(fieldName);
        if (existing != null) {
            if (existing.subtables == null || existing.subtables.keyType != subtableKeyType) {
                throw new TableException("field " + fieldName + " of table " + name + " exists with type "
                        + describe(existing) + ", not table (" + subtableKeyType.yamlName() + " keys)");
            }
            return existing;
        }
        if (root != this) {
            throw new TableException("table " + name + ": field " + fieldName + " of type table cannot be added: the"
                    + " fields of a sub-table cannot be tables themselves (one level of nesting)");
        }
        OwnedTable subtables = new OwnedTable(fieldName, subtableKeyType, errors, null, this, arena, new ArrayList<>(),
                new HashMap<>());
        return defineColumn(fieldName, StateType.TABLE, true, subtables);
    }

    private static String describe(Column column) {
        return column.subtables == null ? column.type.yamlName() : "table (" + column.subtables.keyType.yamlName() + " keys)";
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
            throw new TableException("table " + name + ": field " + fieldName + " of type table needs the key type of"
                    + " its sub-tables: add it with FieldKind.table(keyType)");
        }
        return defineColumn(fieldName, type, readOnly, null);
    }

    private Column defineColumn(String fieldName, StateType type, boolean readOnly, OwnedTable subtables) {
        if (fieldName.isEmpty() || fieldName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("table " + name + ": a field name must be non-empty text without NUL");
        }
        int index = columns.size();
        TableFieldHandle handle = subtables == null ? TableFieldHandle.create(shape, fieldName, type, index + 1L)
                : new TableFieldHandle.OfOwnedTable(shape, fieldName, index + 1L, subtables);
        Column column = new Column(fieldName, type, index, handle, arena.allocateFrom(fieldName), readOnly, subtables);
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
        KeyChecks.requireInteger(this);
        return byLong.get(key);
    }

    @Override
    public Entry get(String key) {
        KeyChecks.requireString(this);
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
        KeyChecks.requireInteger(this);
        KeyChecks.checkRange(this, key);
        return insert(key, null, newEntry());
    }

    @Override
    public Entry add(String key) {
        KeyChecks.requireString(this);
        Objects.requireNonNull(key, "key");
        if (key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("table " + name + ": a key contains a NUL character");
        }
        return insert(0, key, newEntry());
    }

    @Override
    public void erase(long key) {
        KeyChecks.requireInteger(this);
        OwnedEntry entry = byLong.get(key);
        if (entry == null) {
            throw new TableException("table " + name + " has no entry with key " + key + " to erase");
        }
        unlink(entry);
    }

    @Override
    public void erase(String key) {
        KeyChecks.requireString(this);
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

    OwnedEntry newEntry() {
        return slots.create(this, columns.size());
    }

    /** Frees the slot of an entry that left the table or was destroyed, and retires its sub-tables. */
    void freeSlot(OwnedEntry entry) {
        slots.free(entry);
        entry.retireSubtables();
    }

    /** This sub-table is gone with its entry: its entries are dropped and the host's pointer to it stops working. */
    void retire() {
        clear();
        if (input != 0 && root.upcalls != null) {
            root.upcalls.subtables().release(this);
        }
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
        if (root != this) {
            throw new IllegalStateException("table " + name + " is a sub-table: the host reaches it through its field");
        }
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
        return slots.at(handle);
    }

    static MemorySegment emptyText() {
        return EMPTY_TEXT;
    }

    /** The upcalls of the exported table serving this one, or null before it is exported. */
    OwnedTableUpcalls upcalls() {
        return root.upcalls;
    }

    @Override
    public String toString() {
        return (root != this ? "sub-table " : "table ") + name + " (" + keyType.yamlName()
                + " keys, owned by this plugin)";
    }
}
