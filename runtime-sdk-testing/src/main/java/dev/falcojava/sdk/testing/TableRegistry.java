package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.tables.LongEntryMap;
import dev.falcojava.sdk.abi.tables.OwnedTable;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A host's table registry in Java, for the test harness: the host's tables are Java tables, plugins add theirs,
 * and plugins reach every table through vtables of upcall stubs that dispatch to the table's own vtables, as
 * libsinsp does. It checks the API's access rules (writers never during extract_fields, fields only during init)
 * and records the first violation.
 */
final class TableRegistry {

    private static final int MAX_ERROR = 4096;
    /** {@code ss_plugin_rc} values. */
    static final int SUCCESS = 0;
    static final int FAILURE = 1;

    private final Arena arena = Arena.ofShared();
    private final Map<String, Registered> tables = new LinkedHashMap<>();
    private final LongEntryMap<Registered> byPointer = new LongEntryMap<>();
    private final LongEntryMap<MemorySegment> functions = new LongEntryMap<>();
    private final MemorySegment errorText = arena.allocate(MAX_ERROR);
    private final MemorySegment initInput = arena.allocate(INIT_TABLES_INPUT);
    private final MemorySegment reader = arena.allocate(TABLE_READER_EXT);
    private final MemorySegment writer = arena.allocate(TABLE_WRITER);
    private final MemorySegment fields = arena.allocate(TABLE_FIELDS);
    private final RegistryUpcalls upcalls;
    private boolean hasError;
    private String call;
    private String violation;
    private Supplier<String> pluginLastError = () -> null;

    /**
     * A registered table: a copy of its input, whose address is the table pointer plugins get; or a sub-table read
     * from a field of type table, whose input (the owner's) is that pointer. {@code tableFields} holds the handles of
     * its fields of type table that the registry gave out; {@code local} is non-null for the host's tables and their
     * sub-tables.
     */
    record Registered(String name, StateType keyType, MemorySegment input, MemorySegment cName, Table local,
            LongEntryMap<Boolean> tableFields) {
    }

    TableRegistry() {
        upcalls = new RegistryUpcalls(this, initInput, reader, writer, fields, arena);
        MemorySegment.copy(fields, 0, initInput, offset(INIT_TABLES_INPUT, "fields"), TABLE_FIELDS.byteSize());
        initInput.set(JAVA_LONG, TABLES_FIELDS_EXT, fields.address());
        initInput.set(JAVA_LONG, TABLES_READER_EXT, reader.address());
        initInput.set(JAVA_LONG, TABLES_WRITER_EXT, writer.address());
    }

    /**
     * A registry with the host's {@code threads} table (int64 keys), with a subset of libsinsp's thread fields and
     * their types: tid, pid, ptid, sid, vtid, vpid, pgid (int64), comm, exe, exe_path, root (string), exe_writable
     * (bool), uid, gid, loginuid, tty (uint32), cwd (string, read-only) and file_descriptors (read-only, of type
     * table: each thread's fd table, keyed by int64 fd, see {@link #FD_FIELDS}). It has no entries.
     */
    static TableRegistry withThreads() {
        TableRegistry registry = new TableRegistry();
        OwnedTable threads = registry.addHostTable("threads", StateType.INT64);
        for (String name : List.of("tid", "pid", "ptid", "sid", "vtid", "vpid", "pgid")) {
            threads.addField(name, FieldKind.INT64);
        }
        for (String name : List.of("comm", "exe", "exe_path", "root")) {
            threads.addField(name, FieldKind.STRING);
        }
        threads.addField("exe_writable", FieldKind.BOOL);
        for (String name : List.of("uid", "gid", "loginuid", "tty")) {
            threads.addField(name, FieldKind.UINT32);
        }
        threads.addReadOnlyField("cwd", FieldKind.STRING);
        SubtableField fds = threads.addField("file_descriptors", FieldKind.table(StateType.INT64));
        FD_FIELDS.forEach((name, type) -> fds.addField(name, FieldKind.of(type)));
        return registry;
    }

    /** The fields of the sub-tables of {@code threads.file_descriptors}: those of libsinsp's fd info the native host gives. */
    static final Map<String, StateType> FD_FIELDS = fdFields();

    private static Map<String, StateType> fdFields() {
        Map<String, StateType> fields = new LinkedHashMap<>();
        fields.put("type", StateType.UINT8);
        fields.put("open_flags", StateType.UINT32);
        for (String name : List.of("name", "name_raw", "old_name")) {
            fields.put(name, StateType.STRING);
        }
        for (String name : List.of("flags", "dev", "mount_id")) {
            fields.put(name, StateType.UINT32);
        }
        fields.put("ino", StateType.UINT64);
        fields.put("pid", StateType.INT64);
        fields.put("fd", StateType.INT64);
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** Adds a table of the host, held in Java; the test fills it through the returned table. */
    Table addTable(String name, StateType keyType) {
        return addHostTable(name, keyType);
    }

    private OwnedTable addHostTable(String name, StateType keyType) {
        if (tables.containsKey(name)) {
            throw new TableException("table " + name + " is already registered");
        }
        OwnedTable table = new OwnedTable(name, keyType, this::setError);
        register(name, keyType, table.exported(), table);
        return table;
    }

    /** The table of the host named {@code name}; a table a plugin added is read with {@link #rows}. */
    Table hostTable(String name) {
        Registered registered = tables.get(name);
        if (registered == null || registered.local == null) {
            throw new IllegalArgumentException("the registry has no host table " + name + " (tables: " + tables.keySet() + ")");
        }
        return registered.local;
    }

    /** The names of every registered table, in order of registration. */
    List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** Where a failing table of a plugin gets its error: the plugin's last error. */
    void pluginLastError(Supplier<String> lastError) {
        this.pluginLastError = lastError;
    }

    /** The {@code ss_plugin_init_tables_input} to pass in the init input. */
    long initInput() {
        return initInput.address();
    }

    /** The reader vtable to pass in the parse, extract and capture inputs. */
    long reader() {
        return reader.address();
    }

    /** The writer vtable to pass in the parse and capture inputs. */
    long writer() {
        return writer.address();
    }

    /** The {@code get_owner_last_error} function to pass in every input. */
    long ownerLastErrorFunction() {
        return upcalls.ownerLastError();
    }

    /** Marks the start of a plugin call ({@code plugin_init}, {@code parse_event}, ...); tables are used in calls. */
    void enter(String pluginCall) {
        call = pluginCall;
    }

    void leave() {
        call = null;
    }

    /** The first access rule a plugin broke, or {@code null}; reading it clears it. */
    String takeViolation() {
        String first = violation;
        violation = null;
        return first;
    }

    /**
     * Every entry of table {@code name} (the host's or a plugin's), read through the table's own vtables: one map
     * of field name to value (Long for integers, Boolean, String, and for a field of type table the rows of the
     * entry's sub-table) per entry, in the table's order.
     */
    List<Map<String, Object>> rows(String name) {
        Registered table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("the registry has no table " + name + " (tables: " + tables.keySet() + ")");
        }
        return new TableRows(this).rows(name, table.input);
    }

    /* ---- registration ---- */

    void register(String name, StateType keyType, long input, Table local) {
        MemorySegment copy = arena.allocate(TABLE_INPUT);
        MemorySegment.copy(MemorySegment.ofAddress(input).reinterpret(TABLE_INPUT.byteSize()), 0, copy, 0, TABLE_INPUT.byteSize());
        Registered registered = new Registered(name, keyType, copy, arena.allocateFrom(name), local, new LongEntryMap<>());
        tables.put(name, registered);
        byPointer.put(copy.address(), registered);
        upcalls.tablesChanged();
    }

    /**
     * The sub-table at {@code subtable} (an {@code ss_plugin_table_input} its owner gave for a field of type table
     * of {@code holder}) becomes a table pointer the registry accepts, dispatched to that input's vtables as libsinsp
     * does; a pointer seen before is known already. The owner keeps that memory while its table lives.
     */
    void adoptSubtable(long subtable, Registered holder) {
        if (subtable == 0 || byPointer.get(subtable) != null) {
            return;
        }
        MemorySegment input = MemorySegment.ofAddress(subtable).reinterpret(TABLE_INPUT.byteSize());
        long name = input.get(JAVA_LONG, TABLE_INPUT_NAME);
        StateType keyType = StateType.ofCode(input.get(JAVA_INT, TABLE_INPUT_KEY_TYPE));
        byPointer.put(subtable, new Registered(HostMemory.string(name, "?"), keyType, input,
                MemorySegment.ofAddress(name), holder.local(), new LongEntryMap<>()));
    }

    void setError(String message) {
        String text = message.length() > MAX_ERROR / 4 ? message.substring(0, MAX_ERROR / 4) : message;
        errorText.setString(0, text);
        hasError = true;
    }

    /** The address of the registry's last error text, or 0 while there is none. */
    long errorAddress() {
        return hasError ? errorText.address() : 0;
    }

    /** The registered table of that name, or null. */
    Registered registered(String name) {
        return tables.get(name);
    }

    /** Every registered table, in order of registration. */
    java.util.Collection<Registered> registered() {
        return tables.values();
    }

    String lastError() {
        return hasError ? errorText.getString(0) : "no reason given";
    }

    void violated(String what) {
        if (violation == null) {
            violation = what;
        }
    }

    boolean allowed(String function, boolean write, boolean fieldsOnly) {
        if (call == null) {
            violated(function + " was called outside plugin_init, parse_event, extract_fields and capture_open/close");
            return false;
        }
        if (write && call.equals("extract_fields")) {
            violated(function + " was called during extract_fields, whose input has no writer vtable");
            return false;
        }
        if (fieldsOnly && !call.equals("plugin_init")) {
            violated(function + " was called during " + call + "; the fields vtable is given to plugin_init only");
            return false;
        }
        return true;
    }

    Registered table(long t, String function) {
        Registered registered = byPointer.get(t);
        if (registered == null) {
            violated(function + " got a table pointer the registry did not give: " + t);
        }
        return registered;
    }

    MemorySegment function(long vtable, long offset) {
        long address = HostMemory.pointer(vtable + offset);
        MemorySegment segment = functions.get(address);
        if (segment == null) {
            segment = MemorySegment.ofAddress(address);
            functions.put(address, segment);
        }
        return segment;
    }

    /** After a failed call on {@code table}: the error is its owner's (a host table set it already). */
    void failedOn(Registered table) {
        if (table.local() == null) {
            String error = pluginLastError.get();
            setError(error == null || error.isEmpty() ? "the plugin owning table " + table.name + " gave no error" : error);
        }
    }

    private static long offset(java.lang.foreign.StructLayout layout, String name) {
        return layout.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement(name));
    }

}
