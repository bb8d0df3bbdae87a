package dev.falcojava.sdk.abi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodType;

/**
 * The function table the native glue shares with the bridge: a header of {@code uint32_t} {@link #ABI_VERSION},
 * {@code uint32_t} number of slots and {@code uint64_t} mask of the slots the glue uses (bit = ordinal), then one
 * function pointer per slot in this order. Only the slots in the mask get an upcall stub. Every slot the glue calls
 * has the one native shape {@link UpcallShape#UNIFORM}, so that the JVM generates one upcall stub shape, not one per
 * signature. Internal contract between the SDK and the generated glue; not for plugin code.
 */
public enum BridgeSlot {
    INIT(CoreBridge.class, "init"),
    DESTROY(CoreBridge.class, "destroy"),
    GET_LAST_ERROR(CoreBridge.class, "lastError"),
    OPEN(SourceBridge.class, "open"),
    CLOSE(SourceBridge.class, "close"),
    NEXT_BATCH(SourceBridge.class, "nextBatch"),
    EVENT_TO_STRING(SourceBridge.class, "eventToString"),
    LIST_OPEN_PARAMS(SourceBridge.class, "listOpenParams"),
    GET_PROGRESS(SourceBridge.class, "progress"),
    EXTRACT_FIELDS(ExtractBridge.class, "extractFields"),
    PARSE_EVENT(ParseBridge.class, "parseEvent"),
    SET_ASYNC_EVENT_HANDLER(AsyncBridge.class, "setAsyncEventHandler"),
    CAPTURE_OPEN(CaptureBridge.class, "captureOpen"),
    CAPTURE_CLOSE(CaptureBridge.class, "captureClose"),
    /**
     * Not called by the glue: the host's thread pool calls this stub as the routine function of every subscription,
     * so it keeps the host's signature, {@code ss_plugin_bool (*)(ss_plugin_t*, ss_plugin_routine_state_t*)}.
     */
    ROUTINE(CaptureBridge.class, "runRoutine", UpcallShape.HOST_ROUTINE),
    GET_METRICS(MetricsBridge.class, "metrics"),
    SET_CONFIG(ConfigBridge.class, "setConfig"),
    DUMP_STATE(AsyncBridge.class, "dumpState");

    /** Version of the table layout; the glue and the SDK must agree on it. */
    public static final int ABI_VERSION = 3;

    /** Byte offset of the first slot. */
    public static final long HEADER_BYTES = 16;

    /** The mask naming every slot. */
    public static final long ALL = (1L << values().length) - 1;

    private final Class<?> bridge;
    private final String bridgeMethod;
    private final FunctionDescriptor descriptor;

    BridgeSlot(Class<?> bridge, String bridgeMethod) {
        this(bridge, bridgeMethod, UpcallShape.UNIFORM);
    }

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

    /** The C signature of the slot: {@link UpcallShape#UNIFORM} for every slot the glue calls. */
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
