package dev.falcojava.sdk.abi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodType;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The function table the native glue shares with the bridge: after a header of two {@code uint32_t}
 * ({@link #ABI_VERSION}, number of slots), one function pointer per slot in this order. Pointers cross as
 * {@code int64_t}. Internal contract between the SDK and the generated glue; not for plugin code.
 */
public enum BridgeSlot {
    INIT("init", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    DESTROY("destroy", FunctionDescriptor.ofVoid(JAVA_LONG)),
    GET_LAST_ERROR("lastError", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
    OPEN("open", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    CLOSE("close", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG)),
    NEXT_BATCH("nextBatch", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    EVENT_TO_STRING("eventToString", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    EXTRACT_FIELDS("extractFields", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    /** Version of the table layout; the glue and the SDK must agree on it. */
    public static final int ABI_VERSION = 1;

    /** Byte offset of the first slot. */
    public static final long HEADER_BYTES = 8;

    private final String bridgeMethod;
    private final FunctionDescriptor descriptor;

    BridgeSlot(String bridgeMethod, FunctionDescriptor descriptor) {
        this.bridgeMethod = bridgeMethod;
        this.descriptor = descriptor;
    }

    /** The C signature of the slot. */
    public FunctionDescriptor descriptor() {
        return descriptor;
    }

    /** Byte offset of this slot in the table. */
    public long offset() {
        return HEADER_BYTES + 8L * ordinal();
    }

    /** Size in bytes of the whole table. */
    public static long tableBytes() {
        return HEADER_BYTES + 8L * values().length;
    }

    String bridgeMethod() {
        return bridgeMethod;
    }

    MethodType methodType() {
        return descriptor.toMethodType();
    }
}
