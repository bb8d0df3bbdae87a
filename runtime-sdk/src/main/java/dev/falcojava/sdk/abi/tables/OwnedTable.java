package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.logging.Failures;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.EntryVisitor;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableField;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A table owned by the plugin: typed columns in Java memory, usable directly by the plugin, and exported to the
 * host through an {@code ss_plugin_table_input} whose vtables are upcall stubs into this object, so that the host
 * and other plugins read and write it. Entries keep insertion order. Not synchronized: the host calls the plugins of
 * one event source from one thread; a plugin that also uses the table from threads of its own must synchronize.
 *
 * <p>The host sees an entry as {@code generation << 32 | slot + 1} and a field as its column index + 1. Every upcall
 * catches everything: a failure returns the API's failure value and becomes the owning plugin's last error, which
 * the host passes on to the plugin that made the call.
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
    private final MemorySegment tableToken = arena.allocate(8);
    private MemorySegment input;
    private MemorySegment cName;
    private MemorySegment fieldInfos;

    record Column(String name, StateType type, int index, TableFieldHandle handle, MemorySegment cName, boolean readOnly) {
    }

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

    private Column addColumn(String fieldName, StateType type, boolean readOnly) {
        Objects.requireNonNull(fieldName, "field name");
        Column existing = columnsByName.get(fieldName);
        if (existing != null) {
            if (existing.type != type) {
                throw new TableException("field " + fieldName + " of table " + name + " exists with type "
                        + existing.type.yamlName() + ", not " + type.yamlName());
            }
            return existing;
        }
        if (fieldName.isEmpty() || fieldName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("table " + name + ": a field name must be non-empty text without NUL");
        }
        int index = columns.size();
        Column column = new Column(fieldName, type, index, TableFieldHandle.create(this, fieldName, type, index + 1L),
                arena.allocateFrom(fieldName), readOnly);
        columns.add(column);
        columnsByName.put(fieldName, column);
        fieldInfos = null;
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

    private OwnedEntry newEntry() {
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

    private void freeSlot(OwnedEntry entry) {
        slots[entry.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = entry.slot;
    }

    private OwnedEntry insert(long longKey, String stringKey, OwnedEntry entry) {
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

    private void unlink(OwnedEntry entry) {
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

    /* ---- the host's side: the exported ss_plugin_table_input and its upcalls ---- */

    /** The {@code ss_plugin_table_input} describing this table, created on first use. */
    public long exported() {
        if (input == null) {
            input = arena.allocate(TABLE_INPUT);
            cName = arena.allocateFrom(name);
            MemorySegment reader = arena.allocate(TABLE_READER_EXT);
            MemorySegment writer = arena.allocate(TABLE_WRITER);
            MemorySegment fields = arena.allocate(TABLE_FIELDS);
            put(reader, READER_GET_TABLE_NAME, "name", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
            put(reader, READER_GET_TABLE_SIZE, "size", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
            put(reader, READER_GET_TABLE_ENTRY, "getEntry", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
            put(reader, READER_READ_ENTRY_FIELD, "read", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
            put(reader, READER_RELEASE_TABLE_ENTRY, "release", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));
            put(reader, READER_ITERATE_ENTRIES, "iterate", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
            put(writer, WRITER_CLEAR_TABLE, "clearAll", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
            put(writer, WRITER_ERASE_TABLE_ENTRY, "eraseEntry", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
            put(writer, WRITER_CREATE_TABLE_ENTRY, "createEntry", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
            put(writer, WRITER_DESTROY_TABLE_ENTRY, "destroyEntry", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));
            put(writer, WRITER_ADD_TABLE_ENTRY, "addEntry", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
            put(writer, WRITER_WRITE_ENTRY_FIELD, "write", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
            put(fields, FIELDS_LIST_TABLE_FIELDS, "listFields", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
            put(fields, FIELDS_GET_TABLE_FIELD, "getField", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT));
            put(fields, FIELDS_ADD_TABLE_FIELD, "addFieldFromHost", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT));
            input.set(JAVA_LONG, TABLE_INPUT_NAME, cName.address());
            input.set(JAVA_INT, TABLE_INPUT_KEY_TYPE, keyType.code());
            input.set(JAVA_LONG, TABLE_INPUT_TABLE, tableToken.address());
            MemorySegment.copy(reader, 0, input, TABLE_INPUT_READER, TABLE_READER.byteSize());
            MemorySegment.copy(writer, 0, input, TABLE_INPUT_WRITER, TABLE_WRITER.byteSize());
            MemorySegment.copy(fields, 0, input, TABLE_INPUT_FIELDS, TABLE_FIELDS.byteSize());
            input.set(JAVA_LONG, TABLE_INPUT_READER_EXT, reader.address());
            input.set(JAVA_LONG, TABLE_INPUT_WRITER_EXT, writer.address());
            input.set(JAVA_LONG, TABLE_INPUT_FIELDS_EXT, fields.address());
        }
        return input.address();
    }

    private void put(MemorySegment vtable, long offset, String method, FunctionDescriptor descriptor) {
        try {
            var target = MethodHandles.lookup().findVirtual(OwnedTable.class, method, descriptor.toMethodType()).bindTo(this);
            vtable.set(JAVA_LONG, offset, Linker.nativeLinker().upcallStub(target, descriptor, arena).address());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("upcall " + method, e);
        }
    }

    private boolean failed(String what, Throwable t) {
        try {
            errors.accept(Failures.describe("table " + name + ": " + what, t));
        } catch (Throwable ignored) {
            // the error sink failing must not reach the host either
        }
        return false;
    }

    private void failed(String message) {
        try {
            errors.accept("table " + name + ": " + message);
        } catch (Throwable ignored) {
            // as above
        }
    }

    private boolean ours(long table, String call) {
        if (table != tableToken.address()) {
            failed(call + " was called with the table pointer " + table + ", which is not this table's");
            return false;
        }
        return true;
    }

    private OwnedEntry entryAt(long handle, String call) {
        int slot = (int) (handle & 0xFFFFFFFFL) - 1;
        int expected = (int) (handle >>> 32);
        OwnedEntry entry = slot >= 0 && slot < slotsUsed ? slots[slot] : null;
        if (entry == null || entry.generation != expected) {
            failed(call + ": the entry " + Long.toHexString(handle) + " does not exist (any more)");
            return null;
        }
        return entry;
    }

    private Column columnAt(long field, String call) {
        if (field < 1 || field > columns.size()) {
            failed(call + ": the field " + field + " is not one of this table's");
            return null;
        }
        return columns.get((int) field - 1);
    }

    private String keyText(long key) {
        return keyType == StateType.STRING ? '"' + NativeMemory.string(NativeMemory.pointer(key), "") + '"'
                : Long.toString(integerKeyAt(key));
    }

    private long integerKeyAt(long key) {
        return switch (keyType) {
            case INT8 -> NativeMemory.u8(key);
            case INT16 -> (short) NativeMemory.u16(key);
            case INT32 -> NativeMemory.u32(key);
            case UINT8 -> NativeMemory.u8(key) & 0xFF;
            case UINT16 -> NativeMemory.u16(key);
            case UINT32 -> Integer.toUnsignedLong(NativeMemory.u32(key));
            default -> NativeMemory.u64(key);
        };
    }

    private OwnedEntry lookup(long key) {
        if (keyType == StateType.STRING) {
            long text = NativeMemory.pointer(key);
            return text == 0 ? null : byString.get(NativeMemory.string(text, ""));
        }
        return byLong.get(integerKeyAt(key));
    }

    private long name(long table) {
        try {
            return ours(table, "get_table_name") ? cName.address() : 0;
        } catch (Throwable t) {
            failed("get_table_name", t);
            return 0;
        }
    }

    private long size(long table) {
        try {
            return ours(table, "get_table_size") ? size : -1;
        } catch (Throwable t) {
            failed("get_table_size", t);
            return -1;
        }
    }

    private long getEntry(long table, long key) {
        try {
            if (!ours(table, "get_table_entry")) {
                return 0;
            }
            if (key == 0) {
                failed("get_table_entry: the key is NULL");
                return 0;
            }
            OwnedEntry entry = lookup(key);
            if (entry == null) {
                failed("no entry with key " + keyText(key));
                return 0;
            }
            return entry.handle();
        } catch (Throwable t) {
            failed("get_table_entry", t);
            return 0;
        }
    }

    private int read(long table, long e, long field, long out) {
        try {
            if (!ours(table, "read_entry_field")) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = entryAt(e, "read_entry_field");
            Column column = columnAt(field, "read_entry_field");
            if (entry == null || column == null || out == 0) {
                return ReturnCode.FAILURE;
            }
            if (column.type == StateType.STRING) {
                NativeMemory.putPointer(out, entry.cString(column.index));
            } else {
                NativeMemory.putU64(out, entry.number(column.index));
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("read_entry_field", t);
            return ReturnCode.FAILURE;
        }
    }

    private void release(long table, long e) {
        try {
            if (ours(table, "release_table_entry")) {
                entryAt(e, "release_table_entry");
            }
        } catch (Throwable t) {
            failed("release_table_entry", t);
        }
    }

    private int iterate(long table, long iterator, long state) {
        try {
            if (!ours(table, "iterate_entries")) {
                return 0;
            }
            if (iterator == 0) {
                failed("iterate_entries: the iterator is NULL");
                return 0;
            }
            MemorySegment function = MemorySegment.ofAddress(iterator);
            for (OwnedEntry entry = first; entry != null; ) {
                OwnedEntry next = entry.next;
                if ((int) TableDowncalls.RC_OF_2.invokeExact(function, state, entry.handle()) == 0) {
                    return 0;
                }
                entry = next != null && next.inTable ? next : null;
            }
            return 1;
        } catch (Throwable t) {
            failed("iterate_entries", t);
            return 0;
        }
    }

    private int clearAll(long table) {
        try {
            if (!ours(table, "clear_table")) {
                return ReturnCode.FAILURE;
            }
            clear();
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("clear_table", t);
            return ReturnCode.FAILURE;
        }
    }

    private int eraseEntry(long table, long key) {
        try {
            if (!ours(table, "erase_table_entry")) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = key == 0 ? null : lookup(key);
            if (entry == null) {
                failed("no entry with key " + (key == 0 ? "NULL" : keyText(key)) + " to erase");
                return ReturnCode.FAILURE;
            }
            unlink(entry);
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("erase_table_entry", t);
            return ReturnCode.FAILURE;
        }
    }

    private long createEntry(long table) {
        try {
            return ours(table, "create_table_entry") ? newEntry().handle() : 0;
        } catch (Throwable t) {
            failed("create_table_entry", t);
            return 0;
        }
    }

    private void destroyEntry(long table, long e) {
        try {
            OwnedEntry entry = ours(table, "destroy_table_entry") ? entryAt(e, "destroy_table_entry") : null;
            if (entry != null && entry.inTable) {
                failed("destroy_table_entry: the entry was added to the table; erase it instead");
            } else if (entry != null) {
                freeSlot(entry);
            }
        } catch (Throwable t) {
            failed("destroy_table_entry", t);
        }
    }

    private long addEntry(long table, long key, long e) {
        try {
            OwnedEntry entry = ours(table, "add_table_entry") ? entryAt(e, "add_table_entry") : null;
            if (entry == null) {
                return 0;
            }
            if (entry.inTable) {
                failed("add_table_entry: the entry is already in the table");
                return 0;
            }
            if (key == 0) {
                failed("add_table_entry: the key is NULL");
                return 0;
            }
            if (keyType == StateType.STRING) {
                long text = NativeMemory.pointer(key);
                if (text == 0) {
                    failed("add_table_entry: the key text is NULL");
                    return 0;
                }
                insert(0, NativeMemory.string(text, ""), entry);
            } else {
                insert(integerKeyAt(key), null, entry);
            }
            return entry.handle();
        } catch (Throwable t) {
            failed("add_table_entry", t);
            return 0;
        }
    }

    private int write(long table, long e, long field, long in) {
        try {
            if (!ours(table, "write_entry_field")) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = entryAt(e, "write_entry_field");
            Column column = columnAt(field, "write_entry_field");
            if (entry == null || column == null || in == 0) {
                return ReturnCode.FAILURE;
            }
            if (column.readOnly) {
                failed("field " + column.name + " is read-only");
                return ReturnCode.FAILURE;
            }
            switch (column.type) {
                case STRING -> {
                    long text = NativeMemory.pointer(in);
                    if (text == 0) {
                        failed("write_entry_field: a NULL string for field " + column.name);
                        return ReturnCode.FAILURE;
                    }
                    entry.setText(column.index, NativeMemory.string(text, ""));
                }
                case INT8 -> entry.setNumber(column.index, NativeMemory.u8(in));
                case INT16 -> entry.setNumber(column.index, (short) NativeMemory.u16(in));
                case UINT8 -> entry.setNumber(column.index, NativeMemory.u8(in) & 0xFF);
                case UINT16 -> entry.setNumber(column.index, NativeMemory.u16(in));
                case INT32, UINT32 -> entry.setNumber(column.index, NativeMemory.u32(in));
                case BOOL -> entry.setNumber(column.index, NativeMemory.u32(in) != 0 ? 1 : 0);
                default -> entry.setNumber(column.index, NativeMemory.u64(in));
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("write_entry_field", t);
            return ReturnCode.FAILURE;
        }
    }

    private long listFields(long table, long count) {
        try {
            if (!ours(table, "list_table_fields")) {
                return 0;
            }
            if (fieldInfos == null) {
                MemorySegment infos = arena.allocate(FIELD_INFO_SIZE * Math.max(1, columns.size()), 8);
                for (Column column : columns) {
                    long at = column.index * FIELD_INFO_SIZE;
                    infos.set(JAVA_LONG, at + FIELD_INFO_NAME, column.cName.address());
                    infos.set(JAVA_INT, at + FIELD_INFO_TYPE, column.type.code());
                    infos.set(JAVA_INT, at + FIELD_INFO_READ_ONLY, column.readOnly ? 1 : 0);
                }
                fieldInfos = infos;
            }
            NativeMemory.putU32(count, columns.size());
            return fieldInfos.address();
        } catch (Throwable t) {
            failed("list_table_fields", t);
            return 0;
        }
    }

    private long getField(long table, long fieldName, int type) {
        try {
            if (!ours(table, "get_table_field")) {
                return 0;
            }
            String wanted = NativeMemory.string(fieldName, null);
            Column column = wanted == null ? null : columnsByName.get(wanted);
            if (column == null) {
                failed("no field " + wanted);
                return 0;
            }
            if (column.type.code() != type) {
                StateType asked = StateType.ofCode(type);
                failed("field " + wanted + " is of type " + column.type.yamlName() + ", not "
                        + (asked == null ? "type code " + type : asked.yamlName()));
                return 0;
            }
            return column.index + 1L;
        } catch (Throwable t) {
            failed("get_table_field", t);
            return 0;
        }
    }

    private long addFieldFromHost(long table, long fieldName, int type) {
        try {
            if (!ours(table, "add_table_field")) {
                return 0;
            }
            StateType asked = StateType.ofCode(type);
            String wanted = NativeMemory.string(fieldName, null);
            if (wanted == null || asked == null || asked == StateType.TABLE) {
                failed("add_table_field: " + (wanted == null ? "the name is NULL" : "fields of type code " + type + " are not supported"));
                return 0;
            }
            Column existing = columnsByName.get(wanted);
            if (existing != null && existing.readOnly) {
                failed("field " + wanted + " is defined by the table's owner and cannot be added");
                return 0;
            }
            return addColumn(wanted, asked, false).index + 1L;
        } catch (Throwable t) {
            failed("add_table_field", t);
            return 0;
        }
    }

    static MemorySegment emptyText() {
        return EMPTY_TEXT;
    }

    @Override
    public String toString() {
        return "table " + name + " (" + keyType.yamlName() + " keys, owned by this plugin)";
    }
}
