package dev.falcojava.sdk.testing;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The harness's calls into a table's vtable functions, one handle per signature of the tables API, with the
 * function to call as first argument; pointers cross as {@code long}s, rc, bool and state type as 32-bit ints.
 */
final class Downcalls {

    private Downcalls() {
    }

    /** {@code (t) -> pointer or size}. */
    static final MethodHandle POINTER_OF_1 = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    /** {@code (t, p) -> pointer}. */
    static final MethodHandle POINTER_OF_2 = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, p, q) -> pointer}. */
    static final MethodHandle POINTER_OF_3 = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, name, type) -> pointer}. */
    static final MethodHandle POINTER_OF_NAME_TYPE = handle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT));
    /** {@code (t) -> rc}. */
    static final MethodHandle RC_OF_1 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    /** {@code (t, p) -> rc}. */
    static final MethodHandle RC_OF_2 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    /** {@code (t, it, state) -> bool}. */
    static final MethodHandle RC_OF_3 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, e, f, data) -> rc}. */
    static final MethodHandle RC_OF_4 = handle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code (t, e)}. */
    static final MethodHandle VOID_OF_2 = handle(FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));

    private static MethodHandle handle(FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(descriptor);
    }

    /** A Throwable from {@code invokeExact} as an unchecked exception. */
    static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }
}
