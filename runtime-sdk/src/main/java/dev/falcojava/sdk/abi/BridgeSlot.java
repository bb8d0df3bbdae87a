package dev.falcojava.sdk.abi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodType;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The function table the native glue shares with the bridge: a header of {@code uint32_t} {@link #ABI_VERSION},
 * {@code uint32_t} number of slots and {@code uint64_t} mask of the slots the glue uses (bit = ordinal), then one
 * function pointer per slot in this order. Only the slots in the mask get an upcall stub. Pointers cross as
 * {@code int64_t}. Internal contract between the SDK and the generated glue; not for plugin code.
 */
public enum BridgeSlot {
    INIT(CoreBridge.class, "init", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    DESTROY(CoreBridge.class, "destroy", FunctionDescriptor.ofVoid(JAVA_LONG)),
    GET_LAST_ERROR(CoreBridge.class, "lastError", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
    OPEN(SourceBridge.class, "open", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    CLOSE(SourceBridge.class, "close", FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG)),
    NEXT_BATCH(SourceBridge.class, "nextBatch", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    EVENT_TO_STRING(SourceBridge.class, "eventToString", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    LIST_OPEN_PARAMS(SourceBridge.class, "listOpenParams", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    GET_PROGRESS(SourceBridge.class, "progress", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    EXTRACT_FIELDS(ExtractBridge.class, "extractFields", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    PARSE_EVENT(ParseBridge.class, "parseEvent", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    SET_ASYNC_EVENT_HANDLER(AsyncBridge.class, "setAsyncEventHandler", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    CAPTURE_OPEN(CaptureBridge.class, "captureOpen", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG)),
    CAPTURE_CLOSE(CaptureBridge.class, "captureClose", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG)),
    /** Not called by the glue: the host's thread pool calls this stub as the routine function of every subscription. */
    ROUTINE(CaptureBridge.class, "runRoutine", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG)),
    GET_METRICS(MetricsBridge.class, "metrics", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
    SET_CONFIG(ConfigBridge.class, "setConfig", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG)),
    DUMP_STATE(AsyncBridge.class, "dumpState", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    /** Version of the table layout; the glue and the SDK must agree on it. */
    public static final int ABI_VERSION = 2;

    /** Byte offset of the first slot. */
    public static final long HEADER_BYTES = 16;

    /** The mask naming every slot. */
    public static final long ALL = (1L << values().length) - 1;

    private final Class<?> bridge;
    private final String bridgeMethod;
    private final FunctionDescriptor descriptor;

    BridgeSlot(Class<?> bridge, String bridgeMethod, FunctionDescriptor descriptor) {
        this.bridge = bridge;
        this.bridgeMethod = bridgeMethod;
        this.descriptor = descriptor;
    }

    /** The capability whose exports call this slot: {@code core} (every plugin), or a capability of plugin.yaml. */
    public String capability() {
        if (bridge == CoreBridge.class) {
            return "core";
        }
        if (bridge == SourceBridge.class) {
            return "source";
        }
        if (bridge == ExtractBridge.class) {
            return "extract";
        }
        if (bridge == ParseBridge.class) {
            return "parse";
        }
        if (bridge == AsyncBridge.class) {
            return "async";
        }
        if (bridge == CaptureBridge.class) {
            return "capture-listen";
        }
        if (bridge == ConfigBridge.class) {
            return "reconfigure";
        }
        return "metrics";
    }

    /** The C signature of the slot. */
    public FunctionDescriptor descriptor() {
        return descriptor;
    }

    /** Byte offset of this slot in the table. */
    public long offset() {
        return HEADER_BYTES + 8L * ordinal();
    }

    /** This slot's bit in the mask of used slots. */
    public long bit() {
        return 1L << ordinal();
    }

    /** Size in bytes of the whole table. */
    public static long tableBytes() {
        return HEADER_BYTES + 8L * values().length;
    }

    /** Writes the header a glue of this SDK's version writes, asking for the slots in {@code mask}. */
    public static void writeHeader(MemorySegment table, long mask) {
        table.set(ValueLayout.JAVA_INT, 0, ABI_VERSION);
        table.set(ValueLayout.JAVA_INT, 4, values().length);
        table.set(ValueLayout.JAVA_LONG, 8, mask);
    }

    Class<?> bridge() {
        return bridge;
    }

    String bridgeMethod() {
        return bridgeMethod;
    }

    MethodType methodType() {
        return descriptor.toMethodType();
    }
}
