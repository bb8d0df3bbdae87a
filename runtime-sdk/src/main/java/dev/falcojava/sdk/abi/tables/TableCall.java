package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.abi.ScratchBuffer;
import dev.falcojava.sdk.api.tables.EntryVisitor;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableInfo;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The tables API as one plugin state sees it during one host call: the vtables of the call's input (the only ones
 * the plugin may use), the owner, the entries got during the call (released when it ends), and preallocated native
 * memory for keys and values. Functions are read from the current vtable on every use; the segment wrapping each
 * function address is cached and replaced only when the address changes, so steady-state calls allocate nothing.
 */
public final class TableCall {

    static final String INIT = "plugin_init";
    public static final String PARSE = "parse_event";
    public static final String EXTRACT = "extract_fields";
    public static final String CAPTURE_OPEN = "capture_open";
    public static final String CAPTURE_CLOSE = "capture_close";

    private static final int NAME = 0, SIZE = 1, GET = 2, READ = 3, RELEASE = 4, ITERATE = 5, CLEAR = 6, ERASE = 7,
            CREATE = 8, DESTROY = 9, ADD = 10, WRITE = 11, LIST_FIELDS = 12, GET_FIELD = 13, ADD_FIELD = 14,
            LIST_TABLES = 15, GET_TABLE = 16, ADD_TABLE = 17, OWNER_ERROR = 18, FUNCTIONS = 19;

    private final long[] functionAddress = new long[FUNCTIONS];
    private final MemorySegment[] functionSegment = new MemorySegment[FUNCTIONS];

    private String call;
    private long owner;
    private long ownerLastError;
    private long reader;
    private long writer;
    private long fields;
    private long tablesInput;

    private final MemorySegment scratch = Arena.ofAuto().allocate(32, 8);
    /** Where keys go: an integer, or the pointer to the key text. */
    final long key = scratch.address();
    /** Where values are read into and written from ({@code ss_plugin_state_data}). */
    final long value = key + 8;
    private final long count = key + 16;
    private final ScratchBuffer keyText = new ScratchBuffer("table key", 64, ScratchBuffer.RESULT_LIMIT);
    private final ScratchBuffer valueText = new ScratchBuffer("table value", 64, ScratchBuffer.RESULT_LIMIT);
    private final ScratchBuffer nameText = new ScratchBuffer("table or field name", 64, ScratchBuffer.RESULT_LIMIT);

    private HostEntry[] entries = new HostEntry[16];
    private int entriesInUse;

    private MemorySegment iterator;
    private EntryVisitor[] visitors = new EntryVisitor[2];
    private HostEntry[] views = new HostEntry[2];
    private Throwable[] visitorFailures = new Throwable[2];
    private boolean[] stopped = new boolean[2];
    private int depth;

    /** Starts a host call whose input gave these vtables (0: not given). */
    public void begin(String call, long owner, long ownerLastError, long reader, long writer) {
        this.call = call;
        this.owner = owner;
        this.ownerLastError = ownerLastError;
        this.reader = reader;
        this.writer = writer;
        this.fields = 0;
        this.tablesInput = 0;
    }

    /** Starts plugin_init with the init input's tables input (0 when the host gave none). */
    public void beginInit(long owner, long ownerLastError, long tablesInput) {
        begin(INIT, owner, ownerLastError, tablesInput == 0 ? 0 : NativeMemory.pointer(tablesInput + TABLES_READER_EXT),
                tablesInput == 0 ? 0 : NativeMemory.pointer(tablesInput + TABLES_WRITER_EXT));
        this.tablesInput = tablesInput;
        this.fields = tablesInput == 0 ? 0 : NativeMemory.pointer(tablesInput + TABLES_FIELDS_EXT);
    }

    /** Ends the call: releases the entries got during it and forgets its vtables. Never throws. */
    public void end() {
        MemorySegment release = null;
        if (entriesInUse > 0 && reader != 0) {
            try {
                release = function(reader, READER_RELEASE_TABLE_ENTRY, RELEASE, "release_table_entry");
            } catch (RuntimeException ignored) {
                // a host without release_table_entry keeps its entries alive by itself
            }
        }
        for (int i = 0; i < entriesInUse; i++) {
            HostEntry entry = entries[i];
            if (release != null && entry.address != 0) {
                try {
                    TableDowncalls.VOID_OF_2.invokeExact(release, entry.table.address, entry.address);
                } catch (Throwable ignored) {
                    // nothing is left for the plugin to do when the host cannot release
                }
            }
            entry.address = 0;
            entry.table = null;
        }
        entriesInUse = 0;
        call = null;
        reader = writer = fields = tablesInput = 0;
    }

    boolean inInit() {
        return call == INIT && tablesInput != 0;
    }

    /* ---- the registry, during init ---- */

    List<TableInfo> listTables() {
        initFunction(TABLES_LIST_TABLES, LIST_TABLES, "list_tables");
        NativeMemory.putU32(count, 0);
        long array;
        try {
            array = (long) TableDowncalls.POINTER_OF_2.invokeExact(segment(LIST_TABLES), owner, count);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        int n = NativeMemory.u32(count);
        if (array == 0 && n != 0) {
            throw new TableException("listing the host's tables failed: " + ownerError());
        }
        List<TableInfo> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long info = array + i * TABLE_INFO_SIZE;
            tables.add(new TableInfo(NativeMemory.string(NativeMemory.pointer(info + TABLE_INFO_NAME), "?"),
                    StateType.ofCode(NativeMemory.u32(info + TABLE_INFO_KEY_TYPE))));
        }
        return List.copyOf(tables);
    }

    /** The host's pointer to table {@code name}, or 0 when it has none of that name and key type. */
    long getTable(String name, StateType keyType) {
        initFunction(TABLES_GET_TABLE, GET_TABLE, "get_table");
        long text = nameText.cString(name);
        try {
            return (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(segment(GET_TABLE), owner, text, keyType.code());
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
    }

    /** Registers the table described by the {@code ss_plugin_table_input} at {@code input}; false when refused. */
    boolean addTable(long input) {
        initFunction(TABLES_ADD_TABLE, ADD_TABLE, "add_table");
        try {
            return (int) TableDowncalls.RC_OF_2.invokeExact(segment(ADD_TABLE), owner, input) == ReturnCode.SUCCESS;
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
    }

    private long initFunction(long offset, int slot, String name) {
        if (!inInit()) {
            throw new IllegalStateException(tablesInput == 0 && call == INIT
                    ? "the host gave this plugin no tables (it does so only for plugins with parse or extract capability)"
                    : "tables are listed, looked up and added during plugin_init only, not during " + describeCall());
        }
        return function(tablesInput, offset, slot, name).address();
    }

    /* ---- fields, during init ---- */

    List<FieldInfo> listFields(HostTable table) {
        long vtable = fieldsVtable(table, "listing its fields");
        function(vtable, FIELDS_LIST_TABLE_FIELDS, LIST_FIELDS, "list_table_fields");
        NativeMemory.putU32(count, 0);
        long array;
        try {
            array = (long) TableDowncalls.POINTER_OF_2.invokeExact(segment(LIST_FIELDS), table.address, count);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        int n = NativeMemory.u32(count);
        if (array == 0 && n != 0) {
            throw new TableException("table " + table.name() + ": listing its fields failed: " + ownerError());
        }
        List<FieldInfo> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long info = array + i * FIELD_INFO_SIZE;
            infos.add(new FieldInfo(NativeMemory.string(NativeMemory.pointer(info + FIELD_INFO_NAME), "?"),
                    StateType.ofCode(NativeMemory.u32(info + FIELD_INFO_TYPE)), NativeMemory.u32(info + FIELD_INFO_READ_ONLY) != 0));
        }
        return List.copyOf(infos);
    }

    /** The owner's field pointer, or 0 when refused (then {@link #ownerError()} says why). */
    long field(HostTable table, String name, StateType type, boolean add) {
        long vtable = fieldsVtable(table, add ? "adding field " + name : "looking up field " + name);
        int slot = add ? ADD_FIELD : GET_FIELD;
        function(vtable, add ? FIELDS_ADD_TABLE_FIELD : FIELDS_GET_TABLE_FIELD, slot, add ? "add_table_field" : "get_table_field");
        long text = nameText.cString(name);
        try {
            return (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(segment(slot), table.address, text, type.code());
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
    }

    private long fieldsVtable(HostTable table, String what) {
        if (call != INIT) {
            throw new IllegalStateException("table " + table.name() + ": " + what + " is possible during plugin_init only,"
                    + " not during " + describeCall() + "; resolve fields in init(String, Tables) and keep the handles");
        }
        if (fields == 0) {
            throw new IllegalStateException("table " + table.name() + ": the host gave no fields vtable to plugin_init");
        }
        return fields;
    }

    /* ---- entries ---- */

    long size(HostTable table) {
        function(reader(table, "reading its size", ""), READER_GET_TABLE_SIZE, SIZE, "get_table_size");
        long size;
        try {
            size = (long) TableDowncalls.POINTER_OF_1.invokeExact(segment(SIZE), table.address);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (size == -1) {
            throw new TableException("table " + table.name() + ": reading its size failed: " + ownerError());
        }
        return size;
    }

    /** The entry at the key already written at {@link #key}, or null. */
    HostEntry get(HostTable table) {
        function(reader(table, "getting an entry", ""), READER_GET_TABLE_ENTRY, GET, "get_table_entry");
        long entry;
        try {
            entry = (long) TableDowncalls.POINTER_OF_2.invokeExact(segment(GET), table.address, key);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        return entry == 0 ? null : hold(table, entry);
    }

    /** Reads {@code field} of {@code entry} into {@link #value}. */
    void read(HostEntry entry, TableFieldHandle field) {
        HostTable table = entry.table;
        function(reader(table, "reading field ", field.name), READER_READ_ENTRY_FIELD, READ, "read_entry_field");
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_4.invokeExact(segment(READ), table.address, entry.address, field.address, value);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (rc != ReturnCode.SUCCESS) {
            throw new TableException("table " + table.name() + ": reading field " + field.name + " failed: " + ownerError());
        }
    }

    /** Writes {@link #value} to {@code field} of {@code entry}. */
    void write(HostEntry entry, TableFieldHandle field) {
        HostTable table = entry.table;
        function(writer(table, "writing field ", field.name), WRITER_WRITE_ENTRY_FIELD, WRITE, "write_entry_field");
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_4.invokeExact(segment(WRITE), table.address, entry.address, field.address, value);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (rc != ReturnCode.SUCCESS) {
            throw new TableException("table " + table.name() + ": writing field " + field.name + " failed: " + ownerError());
        }
    }

    /** Adds an entry at the key already written at {@link #key}: create_table_entry, then add_table_entry. */
    HostEntry add(HostTable table, String keyText) {
        long vtable = writer(table, "adding an entry", "");
        function(vtable, WRITER_CREATE_TABLE_ENTRY, CREATE, "create_table_entry");
        function(vtable, WRITER_ADD_TABLE_ENTRY, ADD, "add_table_entry");
        long created;
        long added;
        try {
            created = (long) TableDowncalls.POINTER_OF_1.invokeExact(segment(CREATE), table.address);
            if (created == 0) {
                throw new TableException("table " + table.name() + ": creating an entry for key " + keyText + " failed: "
                        + ownerError());
            }
            added = (long) TableDowncalls.POINTER_OF_3.invokeExact(segment(ADD), table.address, key, created);
            if (added == 0) {
                String why = ownerError();
                function(vtable, WRITER_DESTROY_TABLE_ENTRY, DESTROY, "destroy_table_entry");
                TableDowncalls.VOID_OF_2.invokeExact(segment(DESTROY), table.address, created);
                throw new TableException("table " + table.name() + ": adding the entry of key " + keyText + " failed: " + why);
            }
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        return hold(table, added);
    }

    void erase(HostTable table, String keyText) {
        function(writer(table, "erasing an entry", ""), WRITER_ERASE_TABLE_ENTRY, ERASE, "erase_table_entry");
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_2.invokeExact(segment(ERASE), table.address, key);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (rc != ReturnCode.SUCCESS) {
            throw new TableException("table " + table.name() + ": erasing the entry of key " + keyText + " failed: " + ownerError());
        }
    }

    void clear(HostTable table) {
        function(writer(table, "clearing it", ""), WRITER_CLEAR_TABLE, CLEAR, "clear_table");
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_1.invokeExact(segment(CLEAR), table.address);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (rc != ReturnCode.SUCCESS) {
            throw new TableException("table " + table.name() + ": clearing it failed: " + ownerError());
        }
    }

    /** Calls {@code visitor} for each entry through iterate_entries; entries are valid during the visit only. */
    boolean iterate(HostTable table, EntryVisitor visitor) {
        function(reader(table, "iterating its entries", ""), READER_ITERATE_ENTRIES, ITERATE, "iterate_entries");
        if (depth == visitors.length) {
            visitors = java.util.Arrays.copyOf(visitors, depth * 2);
            views = java.util.Arrays.copyOf(views, depth * 2);
            visitorFailures = java.util.Arrays.copyOf(visitorFailures, depth * 2);
            stopped = java.util.Arrays.copyOf(stopped, depth * 2);
        }
        int level = depth;
        if (views[level] == null) {
            views[level] = new HostEntry(this);
        }
        views[level].table = table;
        visitors[level] = visitor;
        visitorFailures[level] = null;
        stopped[level] = false;
        depth++;
        int more;
        try {
            more = (int) TableDowncalls.RC_OF_3.invokeExact(segment(ITERATE), table.address, iterator().address(), (long) level);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        } finally {
            depth--;
            visitors[level] = null;
            views[level].table = null;
            views[level].address = 0;
        }
        Throwable failure = visitorFailures[level];
        visitorFailures[level] = null;
        if (failure != null) {
            throw TableDowncalls.unchecked(failure);
        }
        if (more == 0 && !stopped[level]) {
            throw new TableException("table " + table.name() + ": iterating its entries failed: " + ownerError());
        }
        return more != 0;
    }

    /** The iterator the host calls for each entry; {@code state} is the nesting level of the iteration. */
    private int visit(long state, long entry) {
        int level = (int) state;
        try {
            HostEntry view = views[level];
            view.address = entry;
            boolean more = visitors[level].visit(view);
            view.address = 0;
            stopped[level] = !more;
            return more ? 1 : 0;
        } catch (Throwable t) {
            visitorFailures[level] = t;
            stopped[level] = true;
            return 0;
        }
    }

    private MemorySegment iterator() {
        if (iterator == null) {
            try {
                iterator = TableVtable.ITERATOR.upcall(MethodHandles.lookup().findVirtual(TableCall.class, "visit",
                        TableVtable.ITERATOR.descriptor().toMethodType()).bindTo(this), Arena.ofAuto());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return iterator;
    }

    /* ---- strings and keys ---- */

    /** Writes {@code text} as the key and returns it for messages. */
    String putKey(String text) {
        NativeMemory.putPointer(key, keyText.cString(checkedText(text, "key")));
        return '"' + text + '"';
    }

    void putStringValue(String text, TableFieldHandle field) {
        NativeMemory.putPointer(value, valueText.cString(checkedText(text, "value of field " + field.name)));
    }

    private static String checkedText(String text, String what) {
        if (text == null) {
            throw new NullPointerException("the " + what + " is null");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the " + what + " contains a NUL character");
        }
        return text;
    }

    /* ---- vtables and errors ---- */

    /** The reader of this call; {@code what + subject} names the operation in the error, built only on failure. */
    private long reader(HostTable table, String what, String subject) {
        if (reader == 0) {
            requireCall(table, what, subject);
            throw new IllegalStateException("table " + table.name() + ": " + what + subject + " is not possible: the input of "
                    + call + " has no table reader");
        }
        return reader;
    }

    private long writer(HostTable table, String what, String subject) {
        if (writer == 0) {
            requireCall(table, what, subject);
            throw new IllegalStateException("table " + table.name() + ": " + what + subject + " is not possible during " + call
                    + (call == EXTRACT ? ", whose input has a table reader only: write tables in parse_event" : ": the host gave no table writer"));
        }
        return writer;
    }

    private void requireCall(HostTable table, String what, String subject) {
        if (call == null) {
            throw new IllegalStateException("table " + table.name() + ": " + what + subject + " is possible only during plugin_init,"
                    + " parse_event, extract_fields or capture_open/close, where the host passes the table vtables");
        }
    }

    private String describeCall() {
        return call == null ? "a call without tables" : call;
    }

    /** The owner's last error, or a note that it gave none. */
    String ownerError() {
        String none = "the host gave no reason";
        if (ownerLastError == 0 || owner == 0) {
            return none;
        }
        try {
            long fn = function(0, 0, OWNER_ERROR, "get_owner_last_error").address();
            long text = fn == 0 ? 0 : (long) TableDowncalls.POINTER_OF_2.invokeExact(segment(OWNER_ERROR), owner, 0L);
            String error = NativeMemory.string(text, null);
            return error == null || error.isEmpty() ? none : error;
        } catch (Throwable t) {
            return none + " (reading it failed: " + t + ")";
        }
    }

    /**
     * The function at {@code offset} of {@code vtable} (for OWNER_ERROR, the input's get_owner_last_error), cached in
     * {@code slot}; fails when the host left it NULL.
     */
    private MemorySegment function(long vtable, long offset, int slot, String name) {
        long address = slot == OWNER_ERROR ? ownerLastError : NativeMemory.pointer(vtable + offset);
        if (address != functionAddress[slot]) {
            if (address == 0) {
                throw new IllegalStateException("the host's vtable has no " + name + " function");
            }
            functionAddress[slot] = address;
            functionSegment[slot] = MemorySegment.ofAddress(address);
        }
        return functionSegment[slot];
    }

    private MemorySegment segment(int slot) {
        return functionSegment[slot];
    }

    private HostEntry hold(HostTable table, long address) {
        if (entriesInUse == entries.length) {
            entries = java.util.Arrays.copyOf(entries, entriesInUse * 2);
        }
        HostEntry entry = entries[entriesInUse];
        if (entry == null) {
            entry = new HostEntry(this);
            entries[entriesInUse] = entry;
        }
        entriesInUse++;
        entry.table = table;
        entry.address = address;
        return entry;
    }
}
