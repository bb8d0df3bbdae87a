package dev.falcojava.sdk.abi.tables;

import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One downcall handle per signature of {@link TableVtable}, without a bound target: the first argument is the
 * function to call, taken from the vtable of the current call (see {@link TableCall}). Constant handles let the JIT
 * compile each call site into a direct native call. Internal to the SDK and its test harness (which plays the host's
 * side of the same vtables); not for plugin code.
 */
public final class TableDowncalls {

    private TableDowncalls() {
    }

    /** {@code (t) -> pointer or size}: get_table_name, get_table_size, create_table_entry. */
    public static final MethodHandle POINTER_OF_1 = handle(TableVtable.GET_TABLE_NAME);
    /** {@code (t, p) -> pointer}: get_table_entry, list_table_fields, list_tables, get_owner_last_error. */
    public static final MethodHandle POINTER_OF_2 = handle(TableVtable.GET_TABLE_ENTRY);
    /** {@code (t, p, q) -> pointer}: add_table_entry. */
    public static final MethodHandle POINTER_OF_3 = handle(TableVtable.ADD_TABLE_ENTRY);
    /** {@code (t, name, type) -> pointer}: get_table_field, add_table_field, get_table. */
    public static final MethodHandle POINTER_OF_NAME_TYPE = handle(TableVtable.GET_TABLE_FIELD);
    /** {@code (t) -> rc}: clear_table. */
    public static final MethodHandle RC_OF_1 = handle(TableVtable.CLEAR_TABLE);
    /** {@code (t, p) -> rc}: erase_table_entry, add_table, and the iterator. */
    public static final MethodHandle RC_OF_2 = handle(TableVtable.ERASE_TABLE_ENTRY);
    /** {@code (t, it, state) -> bool}: iterate_entries. */
    public static final MethodHandle RC_OF_3 = handle(TableVtable.ITERATE_ENTRIES);
    /** {@code (t, e, f, data) -> rc}: read_entry_field, write_entry_field. */
    public static final MethodHandle RC_OF_4 = handle(TableVtable.READ_ENTRY_FIELD);
    /** {@code (t, e)}: release_table_entry, destroy_table_entry. */
    public static final MethodHandle VOID_OF_2 = handle(TableVtable.RELEASE_TABLE_ENTRY);

    private static final Map<java.lang.invoke.MethodType, MethodHandle> BY_TYPE = Stream.of(POINTER_OF_1, POINTER_OF_2,
            POINTER_OF_3, POINTER_OF_NAME_TYPE, RC_OF_1, RC_OF_2, RC_OF_3, RC_OF_4, VOID_OF_2)
            .collect(Collectors.toMap(MethodHandle::type, Function.identity()));

    private static MethodHandle handle(TableVtable function) {
        return Linker.nativeLinker().downcallHandle(function.descriptor());
    }

    /** The handle that calls {@code function}: one of the constants above, whose signature it has. */
    public static MethodHandle of(TableVtable function) {
        MethodHandle handle = BY_TYPE.get(handle(function).type());
        if (handle == null) {
            throw new IllegalArgumentException("no downcall handle has the signature of " + function.cName());
        }
        return handle;
    }

    /** A Throwable from {@code invokeExact} as an unchecked exception; downcalls themselves throw nothing checked. */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }
}
