package dev.falcojava.sdk.abi.tables;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One downcall handle per signature of the tables API, without a bound target: the first argument is the function
 * to call, taken from the vtable of the current call (see {@link TableCall}). Constant handles let the JIT compile
 * each call site into a direct native call. Pointers cross as {@code long}s, which the x86-64 and AArch64 calling
 * conventions pass exactly like pointers; {@code ss_plugin_rc}, {@code ss_plugin_bool} and
 * {@code ss_plugin_state_type} are 32-bit. Internal to the SDK and its test harness (which plays the host's side of the
 * same vtables); not for plugin code.
 */
public final class TableDowncalls {

    private TableDowncalls() {
    }

    /** {@code (t) -> pointer or size}: get_table_name, get_table_size, create_table_entry. */
    public static final MethodHandle POINTER_OF_1 = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    /** {@code (t, p) -> pointer}: get_table_entry, list_table_fields, list_tables, get_owner_last_error. */
    public static final MethodHandle POINTER_OF_2 = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, p, q) -> pointer}: add_table_entry. */
    public static final MethodHandle POINTER_OF_3 = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, name, type) -> pointer}: get_table_field, add_table_field, get_table. */
    public static final MethodHandle POINTER_OF_NAME_TYPE = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT));
    /** {@code (t) -> rc}: clear_table. */
    public static final MethodHandle RC_OF_1 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    /** {@code (t, p) -> rc}: erase_table_entry, add_table. */
    public static final MethodHandle RC_OF_2 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    /** {@code (t, it, state) -> bool}: iterate_entries. */
    public static final MethodHandle RC_OF_3 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, e, f, data) -> rc}: read_entry_field, write_entry_field. */
    public static final MethodHandle RC_OF_4 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, e)}: release_table_entry, destroy_table_entry. */
    public static final MethodHandle VOID_OF_2 = handle(FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));

    private static MethodHandle handle(FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(descriptor);
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
