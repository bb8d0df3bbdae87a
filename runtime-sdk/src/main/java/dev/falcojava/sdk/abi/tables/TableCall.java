package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.abi.ScratchBuffer;
import dev.falcojava.sdk.api.tables.EntryVisitor;
import dev.falcojava.sdk.api.tables.TableException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * The tables API as one plugin state sees it during one host call: the vtables of the call's input (the only ones
 * the plugin may use), the owner, the entries got during the call (held by its {@link CallViews}, released when it
 * ends), and preallocated native memory for keys and values. Functions are read from the current vtable on every
 * use; the segment wrapping each function address is cached and replaced only when the address changes, so
 * steady-state calls allocate nothing.
 */
public final class TableCall {

    static final String INIT = "plugin_init";
    public static final String PARSE = "parse_event";
    public static final String EXTRACT = "extract_fields";
    public static final String CAPTURE_OPEN = "capture_open";
    public static final String CAPTURE_CLOSE = "capture_close";

    private final long[] functionAddress = new long[TableVtable.values().length];
    private final MemorySegment[] functionSegment = new MemorySegment[TableVtable.values().length];
    private final InitTableCalls init = new InitTableCalls(this);
    private final TableIteration iteration = new TableIteration(this);

    private String call;
    private long owner;
    private long ownerLastError;
    private long reader;
    private long writer;
    private long fields;
    private long tablesInput;
    /** The input of an extract or parse call whose vtables are not read yet: they are, when a table is first used. */
    private long pendingInput;

    private final MemorySegment scratch = Arena.ofAuto().allocate(32, 8);
    /** Where keys go: an integer, or the pointer to the key text. */
    final long key = scratch.address();
    /** Where values are read into and written from ({@code ss_plugin_state_data}). */
    final long value = key + 8;
    /** Where the host writes the length of a list. */
    final long count = key + 16;
    private final ScratchBuffer keyText = new ScratchBuffer("table key", 64, ScratchBuffer.RESULT_LIMIT);
    private final ScratchBuffer valueText = new ScratchBuffer("table value", 64, ScratchBuffer.RESULT_LIMIT);
    private final ScratchBuffer nameText = new ScratchBuffer("table or field name", 64, ScratchBuffer.RESULT_LIMIT);

    private final CallViews views = new CallViews(this);

    /** Starts a host call whose input gave these vtables (0: not given). */
    public void begin(String call, long owner, long ownerLastError, long reader, long writer) {
        this.call = call;
        this.pendingInput = 0;
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

    /**
     * Starts {@code extract_fields} or {@code parse_event} (its name, {@link #EXTRACT} or {@link #PARSE}) with its
     * input: the owner and the vtables are read from it when the plugin first uses a table, so a call that uses none
     * never reads them.
     */
    public void beginLazily(String call, long input) {
        this.call = call;
        this.pendingInput = input;
    }

    private void resolve() {
        long input = pendingInput;
        if (input == 0) {
            return;
        }
        pendingInput = 0;
        if (call == EXTRACT) {
            owner = NativeMemory.pointer(input + EXTRACT_INPUT_OWNER);
            ownerLastError = NativeMemory.pointer(input + EXTRACT_INPUT_GET_OWNER_LAST_ERROR);
            reader = NativeMemory.pointer(input + EXTRACT_INPUT_TABLE_READER_EXT);
            writer = 0;
        } else {
            owner = NativeMemory.pointer(input + PARSE_INPUT_OWNER);
            ownerLastError = NativeMemory.pointer(input + PARSE_INPUT_GET_OWNER_LAST_ERROR);
            reader = NativeMemory.pointer(input + PARSE_INPUT_TABLE_READER_EXT);
            writer = NativeMemory.pointer(input + PARSE_INPUT_TABLE_WRITER_EXT);
        }
    }

    /** Ends the call: releases the entries got during it and forgets its vtables. Never throws. */
    public void end() {
        if (pendingInput != 0) {
            pendingInput = 0;
            call = null;
            return;
        }
        endResolved();
    }

    /** {@link #end} of a call whose plugin used tables: small {@code end} stays cheap to compile into every bridge. */
    private void endResolved() {
        MemorySegment release = null;
        if (views.holdsEntries() && reader != 0) {
            try {
                release = function(reader, TableVtable.RELEASE_TABLE_ENTRY);
            } catch (RuntimeException ignored) {
                // a host without release_table_entry keeps its entries alive by itself
            }
        }
        views.releaseAll(release);
        call = null;
        reader = writer = fields = tablesInput = 0;
    }

    boolean inInit() {
        return call == INIT && tablesInput != 0;
    }

    /** The registry and fields vtable, which plugin_init may use. */
    InitTableCalls init() {
        return init;
    }

    String name() {
        return call;
    }

    long owner() {
        resolve();
        return owner;
    }

    long tablesInput() {
        return tablesInput;
    }

    long fields() {
        return fields;
    }

    /** {@code text} as a NUL-terminated name in this call's name buffer. */
    long nameText(String text) {
        return nameText.cString(text);
    }

    /* ---- entries ---- */

    long size(HostTable table) {
        function(reader(table, "reading its size", ""), TableVtable.GET_TABLE_SIZE);
        long size;
        try {
            size = (long) TableDowncalls.POINTER_OF_1.invokeExact(segment(TableVtable.GET_TABLE_SIZE), table.address);
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
        function(reader(table, "getting an entry", ""), TableVtable.GET_TABLE_ENTRY);
        long entry;
        try {
            entry = (long) TableDowncalls.POINTER_OF_2.invokeExact(segment(TableVtable.GET_TABLE_ENTRY), table.address, key);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        return entry == 0 ? null : views.hold(table, entry);
    }

    /** Reads {@code field} of {@code entry} into {@link #value}. */
    void read(HostEntry entry, TableFieldHandle field) {
        HostTable table = entry.table;
        function(reader(table, "reading field ", field.name), TableVtable.READ_ENTRY_FIELD);
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_4.invokeExact(segment(TableVtable.READ_ENTRY_FIELD), table.address, entry.address, field.address, value);
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
        function(writer(table, "writing field ", field.name), TableVtable.WRITE_ENTRY_FIELD);
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_4.invokeExact(segment(TableVtable.WRITE_ENTRY_FIELD), table.address, entry.address, field.address, value);
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
        function(vtable, TableVtable.CREATE_TABLE_ENTRY);
        function(vtable, TableVtable.ADD_TABLE_ENTRY);
        long created;
        long added;
        try {
            created = (long) TableDowncalls.POINTER_OF_1.invokeExact(segment(TableVtable.CREATE_TABLE_ENTRY), table.address);
            if (created == 0) {
                throw new TableException("table " + table.name() + ": creating an entry for key " + keyText + " failed: "
                        + ownerError());
            }
            added = (long) TableDowncalls.POINTER_OF_3.invokeExact(segment(TableVtable.ADD_TABLE_ENTRY), table.address, key, created);
            if (added == 0) {
                String why = ownerError();
                function(vtable, TableVtable.DESTROY_TABLE_ENTRY);
                TableDowncalls.VOID_OF_2.invokeExact(segment(TableVtable.DESTROY_TABLE_ENTRY), table.address, created);
                throw new TableException("table " + table.name() + ": adding the entry of key " + keyText + " failed: " + why);
            }
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        return views.hold(table, added);
    }

    void erase(HostTable table, String keyText) {
        function(writer(table, "erasing an entry", ""), TableVtable.ERASE_TABLE_ENTRY);
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_2.invokeExact(segment(TableVtable.ERASE_TABLE_ENTRY), table.address, key);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (rc != ReturnCode.SUCCESS) {
            throw new TableException("table " + table.name() + ": erasing the entry of key " + keyText + " failed: " + ownerError());
        }
    }

    void clear(HostTable table) {
        function(writer(table, "clearing it", ""), TableVtable.CLEAR_TABLE);
        int rc;
        try {
            rc = (int) TableDowncalls.RC_OF_1.invokeExact(segment(TableVtable.CLEAR_TABLE), table.address);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        if (rc != ReturnCode.SUCCESS) {
            throw new TableException("table " + table.name() + ": clearing it failed: " + ownerError());
        }
    }

    /** Calls {@code visitor} for each entry through iterate_entries; entries are valid during the visit only. */
    boolean iterate(HostTable table, EntryVisitor visitor) {
        return iteration.iterate(table, visitor);
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
    long reader(HostTable table, String what, String subject) {
        resolve();
        if (reader == 0) {
            requireCall(table, what, subject);
            throw new IllegalStateException("table " + table.name() + ": " + what + subject + " is not possible: the input of "
                    + call + " has no table reader");
        }
        return reader;
    }

    long writer(HostTable table, String what, String subject) {
        resolve();
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

    String describe() {
        return call == null ? "a call without tables" : call;
    }

    /** The owner's last error, or a note that it gave none. */
    String ownerError() {
        resolve();
        String none = "the host gave no reason";
        if (ownerLastError == 0 || owner == 0) {
            return none;
        }
        try {
            long fn = function(0, TableVtable.GET_OWNER_LAST_ERROR).address();
            long text = fn == 0 ? 0 : (long) TableDowncalls.POINTER_OF_2.invokeExact(segment(TableVtable.GET_OWNER_LAST_ERROR), owner, 0L);
            String error = NativeMemory.string(text, null);
            return error == null || error.isEmpty() ? none : error;
        } catch (Throwable t) {
            return none + " (reading it failed: " + t + ")";
        }
    }

    /**
     * {@code function} of {@code vtable} (for get_owner_last_error, the input's), cached by function and replaced only
     * when its address changes; fails when the host left it NULL.
     */
    MemorySegment function(long vtable, TableVtable function) {
        int slot = function.ordinal();
        long address = function == TableVtable.GET_OWNER_LAST_ERROR ? ownerLastError : NativeMemory.pointer(vtable + function.offset());
        if (address != functionAddress[slot]) {
            if (address == 0) {
                throw new IllegalStateException("the host's vtable has no " + function.cName() + " function");
            }
            functionAddress[slot] = address;
            functionSegment[slot] = MemorySegment.ofAddress(address);
        }
        return functionSegment[slot];
    }

    private MemorySegment segment(TableVtable function) {
        return functionSegment[function.ordinal()];
    }

    /** The view of the sub-table at {@code address} of {@code shape}, valid until the call ends. */
    HostTable subtable(HostTable shape, long address) {
        return views.subtable(shape, address);
    }
}
