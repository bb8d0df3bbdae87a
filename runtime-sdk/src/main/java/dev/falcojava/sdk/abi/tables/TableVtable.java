package dev.falcojava.sdk.abi.tables;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Locale;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Every function of the plugin API's tables: the vtable it sits in, its byte offset there and its C signature. The
 * one description of those signatures, read by the downcalls ({@link TableDowncalls}), by the upcalls of a plugin's
 * own table ({@link OwnedTableUpcalls}) and by the test harness, which plays the host's side. Pointers cross as
 * {@code long}s, which the x86-64 and AArch64 calling conventions pass exactly like pointers; {@code ss_plugin_rc},
 * {@code ss_plugin_bool} and {@code ss_plugin_state_type} are 32-bit. Internal to the SDK and its test harness.
 */
public enum TableVtable {
    GET_TABLE_NAME(Group.READER, READER_GET_TABLE_NAME, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
    GET_TABLE_SIZE(Group.READER, READER_GET_TABLE_SIZE, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
    GET_TABLE_ENTRY(Group.READER, READER_GET_TABLE_ENTRY, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    READ_ENTRY_FIELD(Group.READER, READER_READ_ENTRY_FIELD, FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    RELEASE_TABLE_ENTRY(Group.READER, READER_RELEASE_TABLE_ENTRY, FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG)),
    ITERATE_ENTRIES(Group.READER, READER_ITERATE_ENTRIES, FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    CLEAR_TABLE(Group.WRITER, WRITER_CLEAR_TABLE, FunctionDescriptor.of(JAVA_INT, JAVA_LONG)),
    ERASE_TABLE_ENTRY(Group.WRITER, WRITER_ERASE_TABLE_ENTRY, FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG)),
    CREATE_TABLE_ENTRY(Group.WRITER, WRITER_CREATE_TABLE_ENTRY, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
    DESTROY_TABLE_ENTRY(Group.WRITER, WRITER_DESTROY_TABLE_ENTRY, FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG)),
    ADD_TABLE_ENTRY(Group.WRITER, WRITER_ADD_TABLE_ENTRY, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    WRITE_ENTRY_FIELD(Group.WRITER, WRITER_WRITE_ENTRY_FIELD, FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    LIST_TABLE_FIELDS(Group.FIELDS, FIELDS_LIST_TABLE_FIELDS, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    GET_TABLE_FIELD(Group.FIELDS, FIELDS_GET_TABLE_FIELD, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT)),
    ADD_TABLE_FIELD(Group.FIELDS, FIELDS_ADD_TABLE_FIELD, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT)),
    LIST_TABLES(Group.REGISTRY, TABLES_LIST_TABLES, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    GET_TABLE(Group.REGISTRY, TABLES_GET_TABLE, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT)),
    ADD_TABLE(Group.REGISTRY, TABLES_ADD_TABLE, FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG)),
    /** {@code (owner) -> text}: a member of every call's input, not of a vtable. */
    GET_OWNER_LAST_ERROR(Group.INPUT, -1, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
    /** {@code ss_plugin_table_iterator_func_t (state, entry) -> bool}: the function a caller of iterate_entries passes. */
    ITERATOR(Group.CALLBACK, -1, FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));

    /** Where a function sits. */
    public enum Group {
        /** {@code ss_plugin_table_reader_vtable_ext}. */
        READER,
        /** {@code ss_plugin_table_writer_vtable_ext}. */
        WRITER,
        /** {@code ss_plugin_table_fields_vtable_ext}. */
        FIELDS,
        /** {@code ss_plugin_init_tables_input}, the registry given to plugin_init. */
        REGISTRY,
        /** A member of each call's input. */
        INPUT,
        /** A function the caller passes, not one of the owner's. */
        CALLBACK
    }

    private final Group group;
    private final long offset;
    private final FunctionDescriptor descriptor;
    private final String cName;

    TableVtable(Group group, long offset, FunctionDescriptor descriptor) {
        this.group = group;
        this.offset = offset;
        this.descriptor = descriptor;
        this.cName = name().toLowerCase(Locale.ROOT);
    }

    public Group group() {
        return group;
    }

    /** Byte offset in the vtable (or the registry) of its {@link #group}; -1 for an input member or a callback. */
    public long offset() {
        return offset;
    }

    /** The C signature. */
    public FunctionDescriptor descriptor() {
        return descriptor;
    }

    /** The C name, as in the plugin API's header: {@code get_table_entry}. */
    public String cName() {
        return cName;
    }

    /** The name of the Java method an upcall of this function binds to: {@code getTableEntry}. */
    public String javaName() {
        StringBuilder name = new StringBuilder();
        for (String word : cName().split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /**
     * An upcall stub of this function into {@code target}'s method named {@link #javaName} with this signature, found
     * through {@code lookup} (the target class's own, for private methods); it lives as long as {@code arena}.
     */
    public MemorySegment upcall(MethodHandles.Lookup lookup, Object target, Arena arena) {
        try {
            return upcall(lookup.findVirtual(lookup.lookupClass(), javaName(), descriptor.toMethodType()).bindTo(target), arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("upcall " + cName() + " into " + lookup.lookupClass().getName(), e);
        }
    }

    /** An upcall stub of this function into {@code target}, whose type is this signature's. */
    public MemorySegment upcall(MethodHandle target, Arena arena) {
        return Linker.nativeLinker().upcallStub(target, descriptor, arena);
    }

    /** Fills every function of {@code group} in {@code vtable} with an {@link #upcall} into {@code target}. */
    public static void bind(Group group, MemorySegment vtable, MethodHandles.Lookup lookup, Object target, Arena arena) {
        for (TableVtable function : values()) {
            if (function.group == group) {
                vtable.set(JAVA_LONG, function.offset, function.upcall(lookup, target, arena).address());
            }
        }
    }
}
