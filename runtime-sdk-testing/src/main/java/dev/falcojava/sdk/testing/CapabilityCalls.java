package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.BridgeSlot;
import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.Progress;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static dev.falcojava.sdk.abi.Layouts.*;
import static dev.falcojava.sdk.testing.BridgeCalls.SUCCESS;

/**
 * The calls of each capability a {@link PluginHarness} makes on an initialized plugin, each with its inputs filled
 * as Falco fills them and its results read back from native memory; {@code PluginHarness} keeps the lifecycle.
 */
final class CapabilityCalls {

    private static final int TIMEOUT = -1;
    private static final int EOF = 2;
    private static final int METRIC_DOUBLE = 4;

    private final BridgeCalls bridge;
    private final PluginInputs inputs;
    private final TableRegistry registry;
    private final List<FieldDefinition> fields;
    private final MemorySegment owner;
    private final HostCallbacks callbacks;
    private final HarnessThreadPool pool;

    CapabilityCalls(BridgeCalls bridge, PluginInputs inputs, TableRegistry registry, List<FieldDefinition> fields,
                    MemorySegment owner, HostCallbacks callbacks, HarnessThreadPool pool) {
        this.bridge = bridge;
        this.inputs = inputs;
        this.registry = registry;
        this.fields = fields;
        this.owner = owner;
        this.callbacks = callbacks;
        this.pool = pool;
    }

    /** Runs one plugin call during which the plugin may use the tables; a broken access rule fails the test. */
    long tableCall(String name, LongSupplier body) {
        registry.enter(name);
        long result;
        try {
            result = body.getAsLong();
        } finally {
            registry.leave();
        }
        String violation = registry.takeViolation();
        if (violation != null) {
            throw new IllegalStateException("the plugin broke a rule of the tables API: " + violation);
        }
        return result;
    }

    List<Object> extract(HarnessEvent event, String... fieldNames) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment requests = call.allocate(EXTRACT_FIELD_SIZE * Math.max(1, fieldNames.length), 8);
            FieldDefinition[] definitions = new FieldDefinition[fieldNames.length];
            for (int i = 0; i < fieldNames.length; i++) {
                definitions[i] = FieldRequests.describe(fields, fieldNames[i], request(requests, i), call);
            }
            MemorySegment input = inputs.extract(requests, fieldNames.length, call);
            MemorySegment in = inputs.event(event, call);
            long state = bridge.state();
            bridge.check("plugin_extract_fields", (int) tableCall("extract_fields",
                    () -> bridge.invoke(BridgeSlot.EXTRACT_FIELDS, state, in.address(), input.address())));
            List<Object> values = new ArrayList<>(fieldNames.length);
            for (int i = 0; i < fieldNames.length; i++) {
                values.add(FieldRequests.readValue(definitions[i], request(requests, i)));
            }
            return values;
        }
    }

    private static MemorySegment request(MemorySegment requests, int index) {
        return requests.asSlice(index * EXTRACT_FIELD_SIZE, EXTRACT_FIELD_SIZE);
    }

    String eventToString(HarnessEvent event) {
        try (Arena call = Arena.ofConfined()) {
            long text = bridge.invoke(BridgeSlot.EVENT_TO_STRING, bridge.state(), inputs.event(event, call).address());
            if (text == 0) {
                throw new PluginCallException("plugin_event_to_string", 1, bridge.lastError());
            }
            return HostMemory.string(text, null);
        }
    }

    void parse(HarnessEvent event) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = inputs.parse(call);
            MemorySegment in = inputs.event(event, call);
            long state = bridge.state();
            bridge.check("plugin_parse_event", (int) tableCall("parse_event",
                    () -> bridge.invoke(BridgeSlot.PARSE_EVENT, state, in.address(), input.address())));
        }
    }

    /** Calls {@code plugin_set_async_event_handler} with the harness's handler, or NULL when {@code on} is false. */
    void asyncHandler(boolean on) {
        long handler = on ? callbacks.asyncHandler().address() : 0;
        bridge.check("plugin_set_async_event_handler",
                (int) bridge.invoke(BridgeSlot.SET_ASYNC_EVENT_HANDLER, bridge.state(), owner.address(), handler));
    }

    void capture(BridgeSlot slot, String name) {
        int code;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = inputs.capture(call);
            long state = bridge.state();
            code = (int) tableCall(name.substring("plugin_".length()), () -> bridge.invoke(slot, state, input.address()));
        }
        bridge.check(name, code);
    }

    void captureClose() {
        try {
            capture(BridgeSlot.CAPTURE_CLOSE, "plugin_capture_close");
        } finally {
            pool.purge();
        }
    }

    void setConfig(String config) {
        int code;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = call.allocate(ValueLayout.ADDRESS);
            input.set(ValueLayout.ADDRESS, 0, call.allocateFrom(config));
            code = (int) bridge.invoke(BridgeSlot.SET_CONFIG, bridge.state(), input.address());
        }
        bridge.check("plugin_set_config", code);
    }

    void dumpState() {
        bridge.check("plugin_dump_state", (int) bridge.invoke(BridgeSlot.DUMP_STATE, bridge.state(), owner.address(),
                callbacks.asyncHandler().address()));
    }

    Map<String, Object> metrics() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(ValueLayout.JAVA_INT);
            long array = bridge.invoke(BridgeSlot.GET_METRICS, bridge.state(), count.address());
            int n = count.get(ValueLayout.JAVA_INT, 0);
            Map<String, Object> metrics = new LinkedHashMap<>();
            MemorySegment all = MemorySegment.ofAddress(array).reinterpret(METRIC_SIZE * n);
            for (int i = 0; i < n; i++) {
                long at = METRIC_SIZE * i;
                String name = HostMemory.string(all.get(ValueLayout.ADDRESS, at + METRIC_NAME).address(), null);
                int valueType = all.get(ValueLayout.JAVA_INT, at + METRIC_VALUE_TYPE);
                metrics.put(name, valueType == METRIC_DOUBLE ? (Object) all.get(ValueLayout.JAVA_DOUBLE, at + METRIC_VALUE)
                        : (Object) all.get(ValueLayout.JAVA_LONG, at + METRIC_VALUE));
            }
            String error = n == 0 ? bridge.lastError() : null;
            if (error != null && !error.isEmpty()) {
                throw new PluginCallException("plugin_get_metrics", 1, error);
            }
            return metrics;
        }
    }

    String listOpenParams() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rc = call.allocate(ValueLayout.JAVA_INT);
            long text = bridge.invoke(BridgeSlot.LIST_OPEN_PARAMS, bridge.state(), rc.address());
            int code = rc.get(ValueLayout.JAVA_INT, 0);
            if (code != SUCCESS || text == 0) {
                throw new PluginCallException("plugin_list_open_params", code, bridge.lastError());
            }
            return HostMemory.string(text, null);
        }
    }

    /** Calls {@code plugin_open}: the instance. */
    long open(String params) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rc = call.allocate(ValueLayout.JAVA_INT);
            long instance = bridge.invoke(BridgeSlot.OPEN, bridge.state(), call.allocateFrom(params).address(), rc.address());
            int code = rc.get(ValueLayout.JAVA_INT, 0);
            if (code != SUCCESS || instance == 0) {
                throw new PluginCallException("plugin_open", code, bridge.lastError());
            }
            return instance;
        }
    }

    /** Calls {@code plugin_next_batch} on {@code instance}; the events copied out are numbered from {@code first}. */
    Batch nextBatch(long instance, long first) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(ValueLayout.JAVA_INT);
            MemorySegment array = call.allocate(ValueLayout.ADDRESS);
            int code = (int) bridge.invoke(BridgeSlot.NEXT_BATCH, bridge.state(), instance, count.address(), array.address());
            BatchResult result = switch (code) {
                case SUCCESS -> BatchResult.EVENTS;
                case TIMEOUT -> BatchResult.TIMEOUT;
                case EOF -> BatchResult.END_OF_STREAM;
                default -> throw new PluginCallException("plugin_next_batch", code, bridge.lastError());
            };
            int n = count.get(ValueLayout.JAVA_INT, 0);
            List<CapturedEvent> events = new ArrayList<>(n);
            MemorySegment pointers = array.get(ValueLayout.ADDRESS, 0).reinterpret(8L * n);
            for (int i = 0; i < n; i++) {
                events.add(PluginInputs.captured(pointers.getAtIndex(ValueLayout.ADDRESS, i), first + i));
            }
            return new Batch(result, events);
        }
    }

    Progress progress(long instance) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment percent = call.allocate(ValueLayout.JAVA_INT);
            long text = bridge.invoke(BridgeSlot.GET_PROGRESS, bridge.state(), instance, percent.address());
            return new Progress(percent.get(ValueLayout.JAVA_INT, 0), HostMemory.string(text, null));
        }
    }

    void close(long instance) {
        bridge.invoke(BridgeSlot.CLOSE, bridge.state(), instance);
    }
}
