package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.tables.TableDowncalls;
import dev.falcojava.sdk.abi.tables.TableVtable;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.testing.TableRegistry.Registered;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;

import static dev.falcojava.sdk.abi.Layouts.*;
import static dev.falcojava.sdk.testing.TableRegistry.FAILURE;
import static dev.falcojava.sdk.testing.TableRegistry.SUCCESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The host's side of a {@link TableRegistry}: the registry given to plugin_init and the reader, writer and fields
 * vtables given to every call, as upcall stubs ({@link TableVtable}) that check the API's access rules and dispatch
 * to the vtables of the table called, as libsinsp does.
 */
final class RegistryUpcalls {

    private final TableRegistry registry;
    private final Arena arena;
    private final MemorySegment ownerLastError;
    private MemorySegment tableInfos;

    RegistryUpcalls(TableRegistry registry, MemorySegment initInput, MemorySegment reader, MemorySegment writer,
                    MemorySegment fields, Arena arena) {
        this.registry = registry;
        this.arena = arena;
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TableVtable.bind(TableVtable.Group.REGISTRY, initInput, lookup, this, arena);
        TableVtable.bind(TableVtable.Group.FIELDS, fields, lookup, this, arena);
        TableVtable.bind(TableVtable.Group.READER, reader, lookup, this, arena);
        TableVtable.bind(TableVtable.Group.WRITER, writer, lookup, this, arena);
        ownerLastError = TableVtable.GET_OWNER_LAST_ERROR.upcall(lookup, this, arena);
    }

    /** The {@code get_owner_last_error} function to pass in every input. */
    long ownerLastError() {
        return ownerLastError.address();
    }

    /** Forgets the table list given to list_tables: a table was registered. */
    void tablesChanged() {
        tableInfos = null;
    }

    private long getOwnerLastError(long owner) {
        return registry.errorAddress();
    }

    private long listTables(long owner, long count) {
        try {
            if (!registry.allowed("list_tables", false, true)) {
                return 0;
            }
            if (tableInfos == null) {
                MemorySegment infos = arena.allocate(TABLE_INFO_SIZE * Math.max(1, registry.registered().size()), 8);
                int i = 0;
                for (Registered table : registry.registered()) {
                    infos.set(JAVA_LONG, i * TABLE_INFO_SIZE + TABLE_INFO_NAME, table.cName().address());
                    infos.set(JAVA_INT, i * TABLE_INFO_SIZE + TABLE_INFO_KEY_TYPE, table.keyType().code());
                    i++;
                }
                tableInfos = infos;
            }
            HostMemory.putU32(count, registry.registered().size());
            return tableInfos.address();
        } catch (Throwable t) {
            registry.setError("list_tables: " + t);
            return 0;
        }
    }

    private long getTable(long owner, long name, int keyType) {
        try {
            if (!registry.allowed("get_table", false, true)) {
                return 0;
            }
            Registered table = registry.registered(HostMemory.string(name, ""));
            if (table == null) {
                return 0;
            }
            if (table.keyType().code() != keyType) {
                StateType asked = StateType.ofCode(keyType);
                registry.setError("table " + table.name() + " has keys of type " + table.keyType().yamlName() + ", not "
                        + (asked == null ? "type code " + keyType : asked.yamlName()));
                return 0;
            }
            return table.input().address();
        } catch (Throwable t) {
            registry.setError("get_table: " + t);
            return 0;
        }
    }

    private int addTable(long owner, long input) {
        try {
            if (!registry.allowed("add_table", false, true)) {
                return FAILURE;
            }
            if (input == 0) {
                registry.setError("add_table: the input is NULL");
                return FAILURE;
            }
            String name = HostMemory.string(HostMemory.pointer(input + TABLE_INPUT_NAME), null);
            StateType keyType = StateType.ofCode(HostMemory.u32(input + TABLE_INPUT_KEY_TYPE));
            if (name == null || HostMemory.pointer(input + TABLE_INPUT_TABLE) == 0) {
                registry.setError("add_table: the name or the table pointer is NULL");
                return FAILURE;
            }
            if (keyType == null || keyType == StateType.TABLE || keyType == StateType.BOOL) {
                registry.setError("add_table " + name + ": unsupported key type");
                return FAILURE;
            }
            if (HostMemory.pointer(input + TABLE_INPUT_READER_EXT) == 0 || HostMemory.pointer(input + TABLE_INPUT_WRITER_EXT) == 0
                    || HostMemory.pointer(input + TABLE_INPUT_FIELDS_EXT) == 0) {
                registry.setError("add_table " + name + ": the extended vtables must all be set");
                return FAILURE;
            }
            if (registry.registered(name) != null) {
                registry.setError("add_table " + name + ": a table of that name is already registered");
                return FAILURE;
            }
            registry.register(name, keyType, input, null);
            return SUCCESS;
        } catch (Throwable t) {
            registry.setError("add_table: " + t);
            return FAILURE;
        }
    }

    private long listTableFields(long t, long count) {
        try {
            Registered table = registry.allowed("list_table_fields", false, true) ? registry.table(t, "list_table_fields") : null;
            if (table == null) {
                return 0;
            }
            long result = (long) TableDowncalls.POINTER_OF_2.invokeExact(registry.function(fieldsOf(table), FIELDS_LIST_TABLE_FIELDS),
                    inner(table), count);
            if (result == 0) {
                registry.failedOn(table);
            }
            return result;
        } catch (Throwable e) {
            registry.setError("list_table_fields: " + e);
            return 0;
        }
    }

    private long getTableField(long t, long name, int type) {
        return field(t, name, type, false);
    }

    private long addTableField(long t, long name, int type) {
        return field(t, name, type, true);
    }

    private long field(long t, long name, int type, boolean add) {
        String function = add ? "add_table_field" : "get_table_field";
        try {
            Registered table = registry.allowed(function, false, true) ? registry.table(t, function) : null;
            if (table == null) {
                return 0;
            }
            if (add && type == StateType.TABLE.code()) {
                registry.setError("cannot add field " + HostMemory.string(name, "?") + " of type table to table " + table.name());
                return 0;
            }
            long result = (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(
                    registry.function(fieldsOf(table), add ? FIELDS_ADD_TABLE_FIELD : FIELDS_GET_TABLE_FIELD), inner(table), name, type);
            if (result == 0) {
                registry.failedOn(table);
            }
            return result;
        } catch (Throwable e) {
            registry.setError(function + ": " + e);
            return 0;
        }
    }

    private long getTableName(long t) {
        try {
            Registered table = registry.allowed("get_table_name", false, false) ? registry.table(t, "get_table_name") : null;
            return table == null ? 0 : table.cName().address();
        } catch (Throwable e) {
            registry.setError("get_table_name: " + e);
            return 0;
        }
    }

    private long getTableSize(long t) {
        try {
            Registered table = registry.allowed("get_table_size", false, false) ? registry.table(t, "get_table_size") : null;
            if (table == null) {
                return -1;
            }
            long size = (long) TableDowncalls.POINTER_OF_1.invokeExact(registry.function(readerOf(table), READER_GET_TABLE_SIZE), inner(table));
            if (size == -1) {
                registry.failedOn(table);
            }
            return size;
        } catch (Throwable e) {
            registry.setError("get_table_size: " + e);
            return -1;
        }
    }

    private long getTableEntry(long t, long key) {
        try {
            Registered table = registry.allowed("get_table_entry", false, false) ? registry.table(t, "get_table_entry") : null;
            if (table == null) {
                return 0;
            }
            long entry = (long) TableDowncalls.POINTER_OF_2.invokeExact(registry.function(readerOf(table), READER_GET_TABLE_ENTRY), inner(table), key);
            if (entry == 0) {
                registry.failedOn(table);
            }
            return entry;
        } catch (Throwable e) {
            registry.setError("get_table_entry: " + e);
            return 0;
        }
    }

    private int readEntryField(long t, long entry, long field, long out) {
        try {
            Registered table = registry.allowed("read_entry_field", false, false) ? registry.table(t, "read_entry_field") : null;
            if (table == null) {
                return FAILURE;
            }
            HostMemory.putU64(out, 0);
            int rc = (int) TableDowncalls.RC_OF_4.invokeExact(registry.function(readerOf(table), READER_READ_ENTRY_FIELD), inner(table), entry, field, out);
            if (rc != SUCCESS) {
                registry.failedOn(table);
            }
            return rc;
        } catch (Throwable e) {
            registry.setError("read_entry_field: " + e);
            return FAILURE;
        }
    }

    private void releaseTableEntry(long t, long entry) {
        try {
            Registered table = registry.allowed("release_table_entry", false, false) ? registry.table(t, "release_table_entry") : null;
            if (table != null) {
                TableDowncalls.VOID_OF_2.invokeExact(registry.function(readerOf(table), READER_RELEASE_TABLE_ENTRY), inner(table), entry);
            }
        } catch (Throwable e) {
            registry.setError("release_table_entry: " + e);
        }
    }

    private int iterateEntries(long t, long iterator, long state) {
        try {
            Registered table = registry.allowed("iterate_entries", false, false) ? registry.table(t, "iterate_entries") : null;
            if (table == null) {
                return 0;
            }
            return (int) TableDowncalls.RC_OF_3.invokeExact(registry.function(readerOf(table), READER_ITERATE_ENTRIES), inner(table), iterator, state);
        } catch (Throwable e) {
            registry.setError("iterate_entries: " + e);
            return 0;
        }
    }

    private int clearTable(long t) {
        try {
            Registered table = registry.allowed("clear_table", true, false) ? registry.table(t, "clear_table") : null;
            if (table == null) {
                return FAILURE;
            }
            int rc = (int) TableDowncalls.RC_OF_1.invokeExact(registry.function(writerOf(table), WRITER_CLEAR_TABLE), inner(table));
            if (rc != SUCCESS) {
                registry.failedOn(table);
            }
            return rc;
        } catch (Throwable e) {
            registry.setError("clear_table: " + e);
            return FAILURE;
        }
    }

    private int eraseTableEntry(long t, long key) {
        try {
            Registered table = registry.allowed("erase_table_entry", true, false) ? registry.table(t, "erase_table_entry") : null;
            if (table == null) {
                return FAILURE;
            }
            int rc = (int) TableDowncalls.RC_OF_2.invokeExact(registry.function(writerOf(table), WRITER_ERASE_TABLE_ENTRY), inner(table), key);
            if (rc != SUCCESS) {
                registry.failedOn(table);
            }
            return rc;
        } catch (Throwable e) {
            registry.setError("erase_table_entry: " + e);
            return FAILURE;
        }
    }

    private long createTableEntry(long t) {
        try {
            Registered table = registry.allowed("create_table_entry", true, false) ? registry.table(t, "create_table_entry") : null;
            if (table == null) {
                return 0;
            }
            long entry = (long) TableDowncalls.POINTER_OF_1.invokeExact(registry.function(writerOf(table), WRITER_CREATE_TABLE_ENTRY), inner(table));
            if (entry == 0) {
                registry.failedOn(table);
            }
            return entry;
        } catch (Throwable e) {
            registry.setError("create_table_entry: " + e);
            return 0;
        }
    }

    private void destroyTableEntry(long t, long entry) {
        try {
            Registered table = registry.allowed("destroy_table_entry", true, false) ? registry.table(t, "destroy_table_entry") : null;
            if (table != null) {
                TableDowncalls.VOID_OF_2.invokeExact(registry.function(writerOf(table), WRITER_DESTROY_TABLE_ENTRY), inner(table), entry);
            }
        } catch (Throwable e) {
            registry.setError("destroy_table_entry: " + e);
        }
    }

    private long addTableEntry(long t, long key, long entry) {
        try {
            Registered table = registry.allowed("add_table_entry", true, false) ? registry.table(t, "add_table_entry") : null;
            if (table == null) {
                return 0;
            }
            long added = (long) TableDowncalls.POINTER_OF_3.invokeExact(registry.function(writerOf(table), WRITER_ADD_TABLE_ENTRY), inner(table), key, entry);
            if (added == 0) {
                registry.failedOn(table);
            }
            return added;
        } catch (Throwable e) {
            registry.setError("add_table_entry: " + e);
            return 0;
        }
    }

    private int writeEntryField(long t, long entry, long field, long in) {
        try {
            Registered table = registry.allowed("write_entry_field", true, false) ? registry.table(t, "write_entry_field") : null;
            if (table == null) {
                return FAILURE;
            }
            int rc = (int) TableDowncalls.RC_OF_4.invokeExact(registry.function(writerOf(table), WRITER_WRITE_ENTRY_FIELD), inner(table), entry, field, in);
            if (rc != SUCCESS) {
                registry.failedOn(table);
            }
            return rc;
        } catch (Throwable e) {
            registry.setError("write_entry_field: " + e);
            return FAILURE;
        }
    }

    private static long inner(Registered table) {
        return table.input().get(JAVA_LONG, TABLE_INPUT_TABLE);
    }

    private static long readerOf(Registered table) {
        return table.input().get(JAVA_LONG, TABLE_INPUT_READER_EXT);
    }

    private static long writerOf(Registered table) {
        return table.input().get(JAVA_LONG, TABLE_INPUT_WRITER_EXT);
    }

    private static long fieldsOf(Registered table) {
        return table.input().get(JAVA_LONG, TABLE_INPUT_FIELDS_EXT);
    }
}
