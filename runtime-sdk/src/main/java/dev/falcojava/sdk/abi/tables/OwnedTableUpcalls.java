package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.abi.tables.OwnedTable.Column;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.logging.Failures;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The host's side of an {@link OwnedTable}: the {@code ss_plugin_table_input} it is exported as, whose vtables are
 * upcall stubs ({@link TableVtable}) into this object, so that the host and other plugins read and write the table.
 * The host sees an entry as {@code generation << 32 | slot + 1} and a field as its column index + 1. Every upcall
 * catches everything: a failure returns the API's failure value and becomes the owning plugin's last error, which
 * the host passes on to the plugin that made the call.
 */
final class OwnedTableUpcalls {

    private final OwnedTable table;
    private final StateType keyType;
    private final Arena arena;
    private final MemorySegment tableToken;
    private final MemorySegment input;
    private final MemorySegment cName;
    private MemorySegment fieldInfos;
    private int fieldInfoCount;

    OwnedTableUpcalls(OwnedTable table) {
        this.table = table;
        this.keyType = table.keyType();
        this.arena = table.arena();
        this.tableToken = arena.allocate(8);
        this.input = arena.allocate(TABLE_INPUT);
        this.cName = arena.allocateFrom(table.name());
        MemorySegment reader = arena.allocate(TABLE_READER_EXT);
        MemorySegment writer = arena.allocate(TABLE_WRITER);
        MemorySegment fields = arena.allocate(TABLE_FIELDS);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TableVtable.bind(TableVtable.Group.READER, reader, lookup, this, arena);
        TableVtable.bind(TableVtable.Group.WRITER, writer, lookup, this, arena);
        TableVtable.bind(TableVtable.Group.FIELDS, fields, lookup, this, arena);
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

    /** The address of the {@code ss_plugin_table_input}. */
    long input() {
        return input.address();
    }

    private void failed(String what, Throwable t) {
        try {
            failed(Failures.describe(what, t));
        } catch (Throwable ignored) {
            // describing the failure must not reach the host either
        }
    }

    private void failed(String message) {
        try {
            table.errors().accept("table " + table.name() + ": " + message);
        } catch (Throwable ignored) {
            // the error sink failing must not reach the host either
        }
    }

    private boolean ours(long pointer, String call) {
        if (pointer != tableToken.address()) {
            failed(call + " was called with the table pointer " + pointer + ", which is not this table's");
            return false;
        }
        return true;
    }

    private OwnedEntry entryAt(long handle, String call) {
        OwnedEntry entry = table.entryAt(handle);
        if (entry == null) {
            failed(call + ": the entry " + Long.toHexString(handle) + " does not exist (any more)");
        }
        return entry;
    }

    private Column columnAt(long field, String call) {
        if (field < 1 || field > table.columns().size()) {
            failed(call + ": the field " + field + " is not one of this table's");
            return null;
        }
        return table.columns().get((int) field - 1);
    }

    private String keyText(long key) {
        return keyType == StateType.STRING ? '"' + NativeMemory.string(NativeMemory.pointer(key), "") + '"'
                : Long.toString(StateData.integerKey(keyType, key));
    }

    private OwnedEntry lookup(long key) {
        if (keyType == StateType.STRING) {
            long text = NativeMemory.pointer(key);
            return text == 0 ? null : table.find(NativeMemory.string(text, ""));
        }
        return table.find(StateData.integerKey(keyType, key));
    }

    private long getTableName(long pointer) {
        try {
            return ours(pointer, "get_table_name") ? cName.address() : 0;
        } catch (Throwable t) {
            failed("get_table_name", t);
            return 0;
        }
    }

    private long getTableSize(long pointer) {
        try {
            return ours(pointer, "get_table_size") ? table.size() : -1;
        } catch (Throwable t) {
            failed("get_table_size", t);
            return -1;
        }
    }

    private long getTableEntry(long pointer, long key) {
        try {
            if (!ours(pointer, "get_table_entry")) {
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

    private int readEntryField(long pointer, long e, long field, long out) {
        try {
            if (!ours(pointer, "read_entry_field")) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = entryAt(e, "read_entry_field");
            Column column = columnAt(field, "read_entry_field");
            if (entry == null || column == null || out == 0) {
                return ReturnCode.FAILURE;
            }
            if (column.type() == StateType.STRING) {
                NativeMemory.putPointer(out, entry.cString(column.index()));
            } else {
                NativeMemory.putU64(out, entry.number(column.index()));
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("read_entry_field", t);
            return ReturnCode.FAILURE;
        }
    }

    private void releaseTableEntry(long pointer, long e) {
        try {
            if (ours(pointer, "release_table_entry")) {
                entryAt(e, "release_table_entry");
            }
        } catch (Throwable t) {
            failed("release_table_entry", t);
        }
    }

    private int iterateEntries(long pointer, long iterator, long state) {
        try {
            if (!ours(pointer, "iterate_entries")) {
                return 0;
            }
            if (iterator == 0) {
                failed("iterate_entries: the iterator is NULL");
                return 0;
            }
            MemorySegment function = MemorySegment.ofAddress(iterator);
            for (OwnedEntry entry = table.first(); entry != null; ) {
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

    private int clearTable(long pointer) {
        try {
            if (!ours(pointer, "clear_table")) {
                return ReturnCode.FAILURE;
            }
            table.clear();
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("clear_table", t);
            return ReturnCode.FAILURE;
        }
    }

    private int eraseTableEntry(long pointer, long key) {
        try {
            if (!ours(pointer, "erase_table_entry")) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = key == 0 ? null : lookup(key);
            if (entry == null) {
                failed("no entry with key " + (key == 0 ? "NULL" : keyText(key)) + " to erase");
                return ReturnCode.FAILURE;
            }
            table.unlink(entry);
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("erase_table_entry", t);
            return ReturnCode.FAILURE;
        }
    }

    private long createTableEntry(long pointer) {
        try {
            return ours(pointer, "create_table_entry") ? table.newEntry().handle() : 0;
        } catch (Throwable t) {
            failed("create_table_entry", t);
            return 0;
        }
    }

    private void destroyTableEntry(long pointer, long e) {
        try {
            OwnedEntry entry = ours(pointer, "destroy_table_entry") ? entryAt(e, "destroy_table_entry") : null;
            if (entry != null && entry.inTable) {
                failed("destroy_table_entry: the entry was added to the table; erase it instead");
            } else if (entry != null) {
                table.freeSlot(entry);
            }
        } catch (Throwable t) {
            failed("destroy_table_entry", t);
        }
    }

    private long addTableEntry(long pointer, long key, long e) {
        try {
            OwnedEntry entry = ours(pointer, "add_table_entry") ? entryAt(e, "add_table_entry") : null;
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
                table.insert(0, NativeMemory.string(text, ""), entry);
            } else {
                table.insert(StateData.integerKey(keyType, key), null, entry);
            }
            return entry.handle();
        } catch (Throwable t) {
            failed("add_table_entry", t);
            return 0;
        }
    }

    private int writeEntryField(long pointer, long e, long field, long in) {
        try {
            if (!ours(pointer, "write_entry_field")) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = entryAt(e, "write_entry_field");
            Column column = columnAt(field, "write_entry_field");
            if (entry == null || column == null || in == 0) {
                return ReturnCode.FAILURE;
            }
            if (column.readOnly()) {
                failed("field " + column.name() + " is read-only");
                return ReturnCode.FAILURE;
            }
            if (column.type() != StateType.STRING) {
                entry.setNumber(column.index(), StateData.number(column.type(), in));
                return ReturnCode.SUCCESS;
            }
            long text = NativeMemory.pointer(in);
            if (text == 0) {
                failed("write_entry_field: a NULL string for field " + column.name());
                return ReturnCode.FAILURE;
            }
            entry.setText(column.index(), NativeMemory.string(text, ""));
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed("write_entry_field", t);
            return ReturnCode.FAILURE;
        }
    }

    private long listTableFields(long pointer, long count) {
        try {
            if (!ours(pointer, "list_table_fields")) {
                return 0;
            }
            if (fieldInfos == null || fieldInfoCount != table.columns().size()) {
                MemorySegment infos = arena.allocate(FIELD_INFO_SIZE * Math.max(1, table.columns().size()), 8);
                for (Column column : table.columns()) {
                    long at = column.index() * FIELD_INFO_SIZE;
                    infos.set(JAVA_LONG, at + FIELD_INFO_NAME, column.cName().address());
                    infos.set(JAVA_INT, at + FIELD_INFO_TYPE, column.type().code());
                    infos.set(JAVA_INT, at + FIELD_INFO_READ_ONLY, column.readOnly() ? 1 : 0);
                }
                fieldInfos = infos;
                fieldInfoCount = table.columns().size();
            }
            NativeMemory.putU32(count, table.columns().size());
            return fieldInfos.address();
        } catch (Throwable t) {
            failed("list_table_fields", t);
            return 0;
        }
    }

    private long getTableField(long pointer, long fieldName, int type) {
        try {
            if (!ours(pointer, "get_table_field")) {
                return 0;
            }
            String wanted = NativeMemory.string(fieldName, null);
            Column column = wanted == null ? null : table.column(wanted);
            if (column == null) {
                failed("no field " + wanted);
                return 0;
            }
            if (column.type().code() != type) {
                StateType asked = StateType.ofCode(type);
                failed("field " + wanted + " is of type " + column.type().yamlName() + ", not "
                        + (asked == null ? "type code " + type : asked.yamlName()));
                return 0;
            }
            return column.index() + 1L;
        } catch (Throwable t) {
            failed("get_table_field", t);
            return 0;
        }
    }

    private long addTableField(long pointer, long fieldName, int type) {
        try {
            if (!ours(pointer, "add_table_field")) {
                return 0;
            }
            StateType asked = StateType.ofCode(type);
            String wanted = NativeMemory.string(fieldName, null);
            if (wanted == null || asked == null || asked == StateType.TABLE) {
                failed("add_table_field: " + (wanted == null ? "the name is NULL" : "fields of type code " + type + " are not supported"));
                return 0;
            }
            Column existing = table.column(wanted);
            if (existing != null && existing.readOnly()) {
                failed("field " + wanted + " is defined by the table's owner and cannot be added");
                return 0;
            }
            return table.addColumn(wanted, asked, false).index() + 1L;
        } catch (Throwable t) {
            failed("add_table_field", t);
            return 0;
        }
    }
}
