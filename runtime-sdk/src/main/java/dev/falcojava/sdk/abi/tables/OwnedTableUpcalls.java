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
 * the host passes on to the plugin that made the call. The same upcalls serve the table's sub-tables (fields of type
 * table), whose pointers {@link SubtableInputs} knows; the fields vtable is {@link OwnedTableFieldUpcalls}.
 */
final class OwnedTableUpcalls {

    private final OwnedTable table;
    private final MemorySegment tableToken;
    private final MemorySegment input;
    private final MemorySegment cName;
    private final SubtableInputs subtables;

    OwnedTableUpcalls(OwnedTable table) {
        this.table = table;
        Arena arena = table.arena();
        this.tableToken = arena.allocate(8);
        this.input = arena.allocate(TABLE_INPUT);
        this.cName = arena.allocateFrom(table.name());
        MemorySegment reader = arena.allocate(TABLE_READER_EXT);
        MemorySegment writer = arena.allocate(TABLE_WRITER);
        MemorySegment fields = arena.allocate(TABLE_FIELDS);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TableVtable.bind(TableVtable.Group.READER, reader, lookup, this, arena);
        TableVtable.bind(TableVtable.Group.WRITER, writer, lookup, this, arena);
        OwnedTableFieldUpcalls.bind(fields, this, arena);
        input.set(JAVA_LONG, TABLE_INPUT_NAME, cName.address());
        input.set(JAVA_INT, TABLE_INPUT_KEY_TYPE, table.keyType().code());
        input.set(JAVA_LONG, TABLE_INPUT_TABLE, tableToken.address());
        MemorySegment.copy(reader, 0, input, TABLE_INPUT_READER, TABLE_READER.byteSize());
        MemorySegment.copy(writer, 0, input, TABLE_INPUT_WRITER, TABLE_WRITER.byteSize());
        MemorySegment.copy(fields, 0, input, TABLE_INPUT_FIELDS, TABLE_FIELDS.byteSize());
        input.set(JAVA_LONG, TABLE_INPUT_READER_EXT, reader.address());
        input.set(JAVA_LONG, TABLE_INPUT_WRITER_EXT, writer.address());
        input.set(JAVA_LONG, TABLE_INPUT_FIELDS_EXT, fields.address());
        this.subtables = new SubtableInputs(input, arena);
    }

    /** The inputs of the sub-tables the host reads. */
    SubtableInputs subtables() {
        return subtables;
    }

    /** The address of the {@code ss_plugin_table_input}. */
    long input() {
        return input.address();
    }

    void failed(String what, Throwable t) {
        try {
            failed(Failures.describe(what, t));
        } catch (Throwable ignored) {
            // describing the failure must not reach the host either
        }
    }

    void failed(String message) {
        try {
            table.errors().accept("table " + table.name() + ": " + message);
        } catch (Throwable ignored) {
            // the error sink failing must not reach the host either
        }
    }

    /** The table or live sub-table of {@code pointer}, or null after failing {@code call}. */
    OwnedTable at(long pointer, String call) {
        if (pointer == tableToken.address()) {
            return table;
        }
        OwnedTable subtable = subtables.at(pointer);
        if (subtable == null) {
            failed(call + " was called with the table pointer " + Long.toHexString(pointer) + ", which is neither this"
                    + " table's nor one of a sub-table that still exists");
        }
        return subtable;
    }

    /** The name of {@code of}: this table's, or its sub-tables'. */
    long nameOf(OwnedTable of) {
        return of == table ? cName.address() : subtables.name(of);
    }

    private OwnedEntry entryAt(OwnedTable table, long handle, String call) {
        OwnedEntry entry = table.entryAt(handle);
        if (entry == null) {
            failed(call + ": the entry " + Long.toHexString(handle) + " does not exist (any more)");
        }
        return entry;
    }

    private Column columnAt(OwnedTable table, long field, String call) {
        if (field < 1 || field > table.columns().size()) {
            failed(call + ": the field " + field + " is not one of this table's");
            return null;
        }
        return table.columns().get((int) field - 1);
    }

    private static String keyText(OwnedTable table, long key) {
        StateType keyType = table.keyType();
        return keyType == StateType.STRING ? '"' + NativeMemory.string(NativeMemory.pointer(key), "") + '"'
                : Long.toString(StateData.integerKey(keyType, key));
    }

    private static OwnedEntry lookup(OwnedTable table, long key) {
        StateType keyType = table.keyType();
        if (keyType == StateType.STRING) {
            long text = NativeMemory.pointer(key);
            return text == 0 ? null : table.find(NativeMemory.string(text, ""));
        }
        return table.find(StateData.integerKey(keyType, key));
    }

    private long getTableName(long pointer) {
        try {
            OwnedTable table = at(pointer, "get_table_name");
            return table == null ? 0 : nameOf(table);
        } catch (Throwable t) {
            failed("get_table_name", t);
            return 0;
        }
    }

    private long getTableSize(long pointer) {
        try {
            OwnedTable table = at(pointer, "get_table_size");
            return table == null ? -1 : table.size();
        } catch (Throwable t) {
            failed("get_table_size", t);
            return -1;
        }
    }

    private long getTableEntry(long pointer, long key) {
        try {
            OwnedTable table = at(pointer, "get_table_entry");
            if (table == null) {
                return 0;
            }
            if (key == 0) {
                failed("get_table_entry: the key is NULL");
                return 0;
            }
            OwnedEntry entry = lookup(table, key);
            if (entry == null) {
                failed("no entry with key " + keyText(table, key));
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
            OwnedTable table = at(pointer, "read_entry_field");
            if (table == null) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = entryAt(table, e, "read_entry_field");
            Column column = columnAt(table, field, "read_entry_field");
            if (entry == null || column == null || out == 0) {
                return ReturnCode.FAILURE;
            }
            if (column.type() == StateType.STRING) {
                NativeMemory.putPointer(out, entry.cString(column.index()));
            } else if (column.subtables() != null) {
                NativeMemory.putPointer(out, subtables.inputOf(entry.subtable(column)));
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
            OwnedTable table = at(pointer, "release_table_entry");
            if (table != null) {
                entryAt(table, e, "release_table_entry");
            }
        } catch (Throwable t) {
            failed("release_table_entry", t);
        }
    }

    private int iterateEntries(long pointer, long iterator, long state) {
        try {
            OwnedTable table = at(pointer, "iterate_entries");
            if (table == null) {
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
            OwnedTable table = at(pointer, "clear_table");
            if (table == null) {
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
            OwnedTable table = at(pointer, "erase_table_entry");
            if (table == null) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = key == 0 ? null : lookup(table, key);
            if (entry == null) {
                failed("no entry with key " + (key == 0 ? "NULL" : keyText(table, key)) + " to erase");
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
            OwnedTable table = at(pointer, "create_table_entry");
            return table == null ? 0 : table.newEntry().handle();
        } catch (Throwable t) {
            failed("create_table_entry", t);
            return 0;
        }
    }

    private void destroyTableEntry(long pointer, long e) {
        try {
            OwnedTable table = at(pointer, "destroy_table_entry");
            OwnedEntry entry = table == null ? null : entryAt(table, e, "destroy_table_entry");
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
            OwnedTable table = at(pointer, "add_table_entry");
            OwnedEntry entry = table == null ? null : entryAt(table, e, "add_table_entry");
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
            if (table.keyType() == StateType.STRING) {
                long text = NativeMemory.pointer(key);
                if (text == 0) {
                    failed("add_table_entry: the key text is NULL");
                    return 0;
                }
                table.insert(0, NativeMemory.string(text, ""), entry);
            } else {
                table.insert(StateData.integerKey(table.keyType(), key), null, entry);
            }
            return entry.handle();
        } catch (Throwable t) {
            failed("add_table_entry", t);
            return 0;
        }
    }

    private int writeEntryField(long pointer, long e, long field, long in) {
        try {
            OwnedTable table = at(pointer, "write_entry_field");
            if (table == null) {
                return ReturnCode.FAILURE;
            }
            OwnedEntry entry = entryAt(table, e, "write_entry_field");
            Column column = columnAt(table, field, "write_entry_field");
            if (entry == null || column == null || in == 0) {
                return ReturnCode.FAILURE;
            }
            if (column.readOnly()) {
                failed("field " + column.name() + " is read-only" + (column.subtables() != null
                        ? ": a field of type table is written through its sub-table" : ""));
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
}
