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
        TableVtable function = TableVtable.LIST_TABLE_FIELDS;
        try {
            Registered table = enter(function, t);
            return table == null ? 0 : checked(table, (long) TableDowncalls.POINTER_OF_2.invokeExact(target(table, function),
                    inner(table), count), 0);
        } catch (Throwable e) {
            failed(function, e);
            return 0;
        }
    }

    private long getTableField(long t, long name, int type) {
        return field(TableVtable.GET_TABLE_FIELD, t, name, type);
    }

    private long addTableField(long t, long name, int type) {
        return field(TableVtable.ADD_TABLE_FIELD, t, name, type);
    }

    private long field(TableVtable function, long t, long name, int type) {
        try {
            Registered table = enter(function, t);
            if (table == null) {
                return 0;
            }
            if (function == TableVtable.ADD_TABLE_FIELD && type == StateType.TABLE.code()) {
                registry.setError("cannot add field " + HostMemory.string(name, "?") + " of type table to table " + table.name());
                return 0;
            }
            long field = checked(table, (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(target(table, function),
                    inner(table), name, type), 0);
            if (field != 0 && type == StateType.TABLE.code()) {
                table.tableFields().put(field, Boolean.TRUE);
            }
            return field;
        } catch (Throwable e) {
            failed(function, e);
            return 0;
        }
    }

    private long getTableName(long t) {
        try {
            Registered table = enter(TableVtable.GET_TABLE_NAME, t);
            return table == null ? 0 : table.cName().address();
        } catch (Throwable e) {
            failed(TableVtable.GET_TABLE_NAME, e);
            return 0;
        }
    }

    private long getTableSize(long t) {
        TableVtable function = TableVtable.GET_TABLE_SIZE;
        try {
            Registered table = enter(function, t);
            return table == null ? -1 : checked(table, (long) TableDowncalls.POINTER_OF_1.invokeExact(target(table, function),
                    inner(table)), -1);
        } catch (Throwable e) {
            failed(function, e);
            return -1;
        }
    }

    private long getTableEntry(long t, long key) {
        TableVtable function = TableVtable.GET_TABLE_ENTRY;
        try {
            Registered table = enter(function, t);
            return table == null ? 0 : checked(table, (long) TableDowncalls.POINTER_OF_2.invokeExact(target(table, function),
                    inner(table), key), 0);
        } catch (Throwable e) {
            failed(function, e);
            return 0;
        }
    }

    private int readEntryField(long t, long entry, long field, long out) {
        TableVtable function = TableVtable.READ_ENTRY_FIELD;
        try {
            Registered table = enter(function, t);
            if (table == null) {
                return FAILURE;
            }
            HostMemory.putU64(out, 0);
            int rc = checked(table, (int) TableDowncalls.RC_OF_4.invokeExact(target(table, function), inner(table), entry, field, out));
            if (rc == SUCCESS && table.tableFields().get(field) != null) {
                registry.adoptSubtable(HostMemory.pointer(out), table);
            }
            return rc;
        } catch (Throwable e) {
            failed(function, e);
            return FAILURE;
        }
    }

    private void releaseTableEntry(long t, long entry) {
        forgetEntry(TableVtable.RELEASE_TABLE_ENTRY, t, entry);
    }

    /** release_table_entry or destroy_table_entry: {@code (t, e)}, nothing returned. */
    private void forgetEntry(TableVtable function, long t, long entry) {
        try {
            Registered table = enter(function, t);
            if (table != null) {
                TableDowncalls.VOID_OF_2.invokeExact(target(table, function), inner(table), entry);
            }
        } catch (Throwable e) {
            failed(function, e);
        }
    }

    private int iterateEntries(long t, long iterator, long state) {
        TableVtable function = TableVtable.ITERATE_ENTRIES;
        try {
            Registered table = enter(function, t);
            return table == null ? 0
                    : (int) TableDowncalls.RC_OF_3.invokeExact(target(table, function), inner(table), iterator, state);
        } catch (Throwable e) {
            failed(function, e);
            return 0;
        }
    }

    private int clearTable(long t) {
        TableVtable function = TableVtable.CLEAR_TABLE;
        try {
            Registered table = enter(function, t);
            return table == null ? FAILURE : checked(table, (int) TableDowncalls.RC_OF_1.invokeExact(target(table, function),
                    inner(table)));
        } catch (Throwable e) {
            failed(function, e);
            return FAILURE;
        }
    }

    private int eraseTableEntry(long t, long key) {
        TableVtable function = TableVtable.ERASE_TABLE_ENTRY;
        try {
            Registered table = enter(function, t);
            return table == null ? FAILURE : checked(table, (int) TableDowncalls.RC_OF_2.invokeExact(target(table, function),
                    inner(table), key));
        } catch (Throwable e) {
            failed(function, e);
            return FAILURE;
        }
    }

    private long createTableEntry(long t) {
        TableVtable function = TableVtable.CREATE_TABLE_ENTRY;
        try {
            Registered table = enter(function, t);
            return table == null ? 0 : checked(table, (long) TableDowncalls.POINTER_OF_1.invokeExact(target(table, function),
                    inner(table)), 0);
        } catch (Throwable e) {
            failed(function, e);
            return 0;
        }
    }

    private void destroyTableEntry(long t, long entry) {
        forgetEntry(TableVtable.DESTROY_TABLE_ENTRY, t, entry);
    }

    private long addTableEntry(long t, long key, long entry) {
        TableVtable function = TableVtable.ADD_TABLE_ENTRY;
        try {
            Registered table = enter(function, t);
            return table == null ? 0 : checked(table, (long) TableDowncalls.POINTER_OF_3.invokeExact(target(table, function),
                    inner(table), key, entry), 0);
        } catch (Throwable e) {
            failed(function, e);
            return 0;
        }
    }

    private int writeEntryField(long t, long entry, long field, long in) {
        TableVtable function = TableVtable.WRITE_ENTRY_FIELD;
        try {
            Registered table = enter(function, t);
            return table == null ? FAILURE : checked(table, (int) TableDowncalls.RC_OF_4.invokeExact(target(table, function),
                    inner(table), entry, field, in));
        } catch (Throwable e) {
            failed(function, e);
            return FAILURE;
        }
    }

    /**
     * The table {@code t} for a call of {@code function}, or null when the call breaks an access rule (writers never
     * during extract_fields, fields only during init) or {@code t} is not a table the registry gave.
     */
    private Registered enter(TableVtable function, long t) {
        String name = function.cName();
        boolean write = function.group() == TableVtable.Group.WRITER;
        boolean fieldsOnly = function.group() == TableVtable.Group.FIELDS;
        return registry.allowed(name, write, fieldsOnly) ? registry.table(t, name) : null;
    }

    /** {@code function} of the vtables {@code table} was registered with. */
    private MemorySegment target(Registered table, TableVtable function) {
        long vtable = table.input().get(JAVA_LONG, switch (function.group()) {
            case READER -> TABLE_INPUT_READER_EXT;
            case WRITER -> TABLE_INPUT_WRITER_EXT;
            case FIELDS -> TABLE_INPUT_FIELDS_EXT;
            default -> throw new IllegalArgumentException(function.cName() + " is not a function of a table's vtables");
        });
        return registry.function(vtable, function.offset());
    }

    /** {@code result} of a call of {@code table}'s own function; when it is {@code failure}, the error is its owner's. */
    private long checked(Registered table, long result, long failure) {
        if (result == failure) {
            registry.failedOn(table);
        }
        return result;
    }

    /** {@code rc} of a call of {@code table}'s own function; when it is not success, the error is its owner's. */
    private int checked(Registered table, int rc) {
        if (rc != SUCCESS) {
            registry.failedOn(table);
        }
        return rc;
    }

    private void failed(TableVtable function, Throwable e) {
        registry.setError(function.cName() + ": " + e);
    }

    private static long inner(Registered table) {
        return table.input().get(JAVA_LONG, TABLE_INPUT_TABLE);
    }
}
