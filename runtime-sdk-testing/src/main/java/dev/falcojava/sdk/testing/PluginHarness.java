package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.Bootstrap;
import dev.falcojava.sdk.abi.BridgeSlot;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.api.SourcePlugin;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * Drives a plugin from a JUnit test the way Falco does: through the same bridge the native glue uses, with
 * upcall stubs called through downcall handles and every argument and result marshalled in native memory.
 *
 * <pre>{@code
 * try (PluginHarness harness = PluginHarness.init(MyPlugin.class, "")) {
 *     try (PluginHarness.OpenSource source = harness.open("")) {
 *         List<CapturedEvent> events = source.take(3);
 *         List<Object> values = harness.extract(events.get(0), "my.count", "my.name");
 *     }
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {

    private static final int SUCCESS = 0;
    private static final int TIMEOUT = -1;
    private static final int EOF = 2;
    private static final int MAX_TIMEOUTS_IN_A_ROW = 1000;

    private final Arena arena = Arena.ofShared();
    private final Map<BridgeSlot, MethodHandle> calls = new EnumMap<>(BridgeSlot.class);
    private final List<FieldDefinition> fields;
    private final String eventSource;
    private final MemorySegment owner = arena.allocate(8);
    private final HostCallbacks callbacks = new HostCallbacks(owner, arena);
    private final HarnessThreadPool pool = new HarnessThreadPool(arena);
    private final HostTables tables = new HostTables(TableRegistry.withThreads());
    private final boolean tablesGiven;
    private final PluginInputs inputs;
    private long state;
    private MemorySegment bridgeTable = MemorySegment.NULL;

    private PluginHarness(Class<? extends Plugin> type) throws Throwable {
        Plugin metadata = type.getDeclaredConstructor().newInstance();
        fields = metadata instanceof ExtractPlugin extract ? extract.fields() : List.of();
        eventSource = metadata instanceof SourcePlugin source ? source.eventSource() : "";
        tablesGiven = metadata instanceof ExtractPlugin || metadata instanceof ParsePlugin;
        inputs = new PluginInputs(owner, callbacks, tables.registry(), eventSource, pool);
        tables.registry().pluginLastError(this::lastError);
        MemorySegment table = arena.allocate(BridgeSlot.tableBytes(), 8);
        BridgeSlot.writeHeader(table, BridgeSlot.ALL);
        String failure = Bootstrap.install(table.address(), type.getName());
        if (failure != null) {
            arena.close();
            throw new IllegalStateException(failure);
        }
        bridgeTable = table;
        Linker linker = Linker.nativeLinker();
        for (BridgeSlot slot : BridgeSlot.values()) {
            calls.put(slot, linker.downcallHandle(table.get(ValueLayout.ADDRESS, slot.offset()), slot.descriptor()));
        }
    }

    /**
     * Creates the plugin and calls {@code plugin_init} with {@code config}.
     *
     * @throws PluginCallException when init fails, with the plugin's last error
     */
    public static PluginHarness init(Class<? extends Plugin> type, String config) {
        return init(type, config, host -> {
        });
    }

    /**
     * Like {@link #init(Class, String)}, after {@code setup} prepared the host's tables: the harness has a
     * {@code threads} table (see {@link HostTables#threads()}), empty; add entries or tables there. Plugins with
     * parse or extract capability get the tables at init, as in Falco.
     */
    public static PluginHarness init(Class<? extends Plugin> type, String config, Consumer<HostTables> setup) {
        PluginHarness harness;
        try {
            harness = new PluginHarness(type);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot load " + type.getName() + ": " + t, t);
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = harness.inputs.init(config, harness.tablesGiven, call);
            setup.accept(harness.tables);
            MemorySegment rc = call.allocate(ValueLayout.JAVA_INT);
            harness.state = (long) harness.tableCall("plugin_init", () -> harness.invoke(BridgeSlot.INIT, input.address(), rc.address()));
            int code = rc.get(ValueLayout.JAVA_INT, 0);
            if (code != SUCCESS) {
                String error = harness.state == 0 ? "no plugin state" : harness.lastError();
                harness.close();
                throw new PluginCallException("plugin_init", code, error);
            }
        }
        return harness;
    }

    /** Calls {@code plugin_open} with {@code params}. */
    public OpenSource open(String params) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rc = call.allocate(ValueLayout.JAVA_INT);
            long instance = (long) invoke(BridgeSlot.OPEN, state, call.allocateFrom(params).address(), rc.address());
            int code = rc.get(ValueLayout.JAVA_INT, 0);
            if (code != SUCCESS || instance == 0) {
                throw new PluginCallException("plugin_open", code, lastError());
            }
            return new OpenSource(instance);
        }
    }

    /**
     * Calls {@code plugin_extract_fields} once for all {@code fieldNames} on {@code event}. A name may carry an
     * argument, as in {@code my.field[key]} or {@code my.field[2]}.
     *
     * @return one value per field: Long (uint64, reltime and abstime in nanoseconds), String, Boolean, InetAddress
     *         or IpNetwork; a List of them for list fields; {@code null} when a single-valued field has no value
     */
    public List<Object> extract(CapturedEvent event, String... fieldNames) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment requests = call.allocate(EXTRACT_FIELD_SIZE * Math.max(1, fieldNames.length), 8);
            FieldDefinition[] definitions = new FieldDefinition[fieldNames.length];
            for (int i = 0; i < fieldNames.length; i++) {
                definitions[i] = FieldRequests.describe(fields, fieldNames[i], requests.asSlice(i * EXTRACT_FIELD_SIZE, EXTRACT_FIELD_SIZE), call);
            }
            MemorySegment input = inputs.extract(requests, fieldNames.length, call);
            MemorySegment in = inputs.event(event, call);
            int code = (int) (long) tableCall("extract_fields",
                    () -> invoke(BridgeSlot.EXTRACT_FIELDS, state, in.address(), input.address()));
            if (code != SUCCESS) {
                throw new PluginCallException("plugin_extract_fields", code, lastError());
            }
            List<Object> values = new ArrayList<>(fieldNames.length);
            for (int i = 0; i < fieldNames.length; i++) {
                values.add(FieldRequests.readValue(definitions[i], requests.asSlice(i * EXTRACT_FIELD_SIZE, EXTRACT_FIELD_SIZE)));
            }
            return values;
        }
    }

    /** Calls {@code plugin_event_to_string}. */
    public String eventToString(CapturedEvent event) {
        try (Arena call = Arena.ofConfined()) {
            long text = (long) invoke(BridgeSlot.EVENT_TO_STRING, state, inputs.event(event, call).address());
            if (text == 0) {
                throw new PluginCallException("plugin_event_to_string", 1, lastError());
            }
            return MemorySegment.ofAddress(text).reinterpret(Long.MAX_VALUE).getString(0);
        }
    }

    /** The text {@code plugin_get_last_error} returns now. */
    public String lastError() {
        long text = (long) invoke(BridgeSlot.GET_LAST_ERROR, state);
        return text == 0 ? null : MemorySegment.ofAddress(text).reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Calls {@code plugin_destroy}, then releases the bridge as the glue does after a library's last destroy. */
    @Override
    public void close() {
        if (!arena.scope().isAlive()) {
            return;
        }
        if (state != 0) {
            invoke(BridgeSlot.DESTROY, state);
            state = 0;
        }
        if (bridgeTable.address() != 0) {
            String failure = Bootstrap.release(bridgeTable.address());
            bridgeTable = MemorySegment.NULL;
            if (failure != null) {
                arena.close();
                throw new IllegalStateException(failure);
            }
        }
        arena.close();
    }

    /** Calls {@code plugin_parse_event} on {@code event}. */
    public void parse(CapturedEvent event) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = inputs.parse(call);
            MemorySegment in = inputs.event(event, call);
            int code = (int) (long) tableCall("parse_event", () -> invoke(BridgeSlot.PARSE_EVENT, state, in.address(), input.address()));
            if (code != SUCCESS) {
                throw new PluginCallException("plugin_parse_event", code, lastError());
            }
        }
    }

    /** Calls {@code plugin_set_async_event_handler} with a handler that records the events in {@link #asyncEvents()}. */
    public void startAsync() {
        setAsyncHandler(callbacks.asyncHandler().address());
    }

    /** Calls {@code plugin_set_async_event_handler} with NULL: the plugin must stop pushing before it returns. */
    public void stopAsync() {
        setAsyncHandler(0);
    }

    private void setAsyncHandler(long handler) {
        int code = (int) invoke(BridgeSlot.SET_ASYNC_EVENT_HANDLER, state, owner.address(), handler);
        if (code != SUCCESS) {
            throw new PluginCallException("plugin_set_async_event_handler", code, lastError());
        }
    }

    /** The async events the plugin pushed so far, in order. */
    public List<AsyncEventRecord> asyncEvents() {
        return callbacks.asyncEvents();
    }

    /** The lines the plugin logged through the host's log function so far, in order. */
    public List<LogRecord> logLines() {
        return callbacks.logLines();
    }

    /** Calls {@code plugin_capture_open}. */
    public void captureOpen() {
        captureCall(BridgeSlot.CAPTURE_OPEN, "plugin_capture_open");
    }

    /** Calls {@code plugin_capture_close}, then purges the routines still subscribed, as libsinsp does. */
    public void captureClose() {
        try {
            captureCall(BridgeSlot.CAPTURE_CLOSE, "plugin_capture_close");
        } finally {
            pool.purge();
        }
    }

    /**
     * Runs each routine the plugin subscribed (in capture open or close) once, on this thread, in the order
     * subscribed; those that return false or throw are unsubscribed. Returns how many stay subscribed.
     */
    public int runRoutines() {
        return pool.runOnce();
    }

    /**
     * Calls {@code plugin_set_config} with {@code config}.
     *
     * @throws PluginCallException when the plugin refuses it, with the plugin's last error
     */
    public void setConfig(String config) {
        int code;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = call.allocate(ValueLayout.ADDRESS);
            input.set(ValueLayout.ADDRESS, 0, call.allocateFrom(config));
            code = (int) invoke(BridgeSlot.SET_CONFIG, state, input.address());
        }
        if (code != SUCCESS) {
            throw new PluginCallException("plugin_set_config", code, lastError());
        }
    }

    /**
     * Calls {@code plugin_dump_state} with the handler of {@link #asyncEvents()}: what the plugin dumps is recorded
     * there, after the events pushed before.
     */
    public void dumpState() {
        int code = (int) invoke(BridgeSlot.DUMP_STATE, state, owner.address(), callbacks.asyncHandler().address());
        if (code != SUCCESS) {
            throw new PluginCallException("plugin_dump_state", code, lastError());
        }
    }

    private void captureCall(BridgeSlot slot, String name) {
        int code;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = inputs.capture(call);
            code = (int) (long) tableCall(name.substring("plugin_".length()), () -> invoke(slot, state, input.address()));
        }
        if (code != SUCCESS) {
            throw new PluginCallException(name, code, lastError());
        }
    }

    /** Calls {@code plugin_get_metrics}: metric name to value (Long or Double). */
    public Map<String, Object> metrics() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(ValueLayout.JAVA_INT);
            long array = (long) invoke(BridgeSlot.GET_METRICS, state, count.address());
            int n = count.get(ValueLayout.JAVA_INT, 0);
            Map<String, Object> metrics = new java.util.LinkedHashMap<>();
            MemorySegment all = MemorySegment.ofAddress(array).reinterpret(METRIC_SIZE * n);
            for (int i = 0; i < n; i++) {
                long at = METRIC_SIZE * i;
                String name = all.get(ValueLayout.ADDRESS, at + METRIC_NAME).reinterpret(Long.MAX_VALUE).getString(0);
                int valueType = all.get(ValueLayout.JAVA_INT, at + METRIC_VALUE_TYPE);
                metrics.put(name, valueType == 4 ? (Object) all.get(ValueLayout.JAVA_DOUBLE, at + METRIC_VALUE)
                        : (Object) all.get(ValueLayout.JAVA_LONG, at + METRIC_VALUE));
            }
            if (n == 0 && lastError() != null && !lastError().isEmpty()) {
                throw new PluginCallException("plugin_get_metrics", 1, lastError());
            }
            return metrics;
        }
    }

    /** Calls {@code plugin_list_open_params}: the JSON array it returns. */
    public String listOpenParams() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rc = call.allocate(ValueLayout.JAVA_INT);
            long text = (long) invoke(BridgeSlot.LIST_OPEN_PARAMS, state, rc.address());
            int code = rc.get(ValueLayout.JAVA_INT, 0);
            if (code != SUCCESS || text == 0) {
                throw new PluginCallException("plugin_list_open_params", code, lastError());
            }
            return MemorySegment.ofAddress(text).reinterpret(Long.MAX_VALUE).getString(0);
        }
    }

    /** The host's tables: the threads table, tables added by the test, and the plugin's own (see {@link HostTables#rows}). */
    public HostTables hostTables() {
        return tables;
    }

    /** Runs one plugin call during which the plugin may use the tables; a broken access rule fails the test. */
    private Object tableCall(String name, java.util.function.Supplier<Object> body) {
        tables.registry().enter(name);
        Object result;
        try {
            result = body.get();
        } finally {
            tables.registry().leave();
        }
        String violation = tables.registry().takeViolation();
        if (violation != null) {
            throw new IllegalStateException("the plugin broke a rule of the tables API: " + violation);
        }
        return result;
    }

    /** Calls a slot as the glue does: its arguments widened to four {@code long}s (0 for the missing ones). */
    private long invoke(BridgeSlot slot, long... arguments) {
        long[] widened = java.util.Arrays.copyOf(arguments, 4);
        try {
            return (long) calls.get(slot).invokeExact(widened[0], widened[1], widened[2], widened[3]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** An open source instance. */
    public final class OpenSource implements AutoCloseable {

        private final long instance;
        private long taken;

        private OpenSource(long instance) {
            this.instance = instance;
        }

        /** Calls {@code plugin_next_batch} once and copies the events out. */
        public Batch nextBatch() {
            try (Arena call = Arena.ofConfined()) {
                MemorySegment count = call.allocate(ValueLayout.JAVA_INT);
                MemorySegment array = call.allocate(ValueLayout.ADDRESS);
                int code = (int) invoke(BridgeSlot.NEXT_BATCH, state, instance, count.address(), array.address());
                if (code != SUCCESS && code != TIMEOUT && code != EOF) {
                    throw new PluginCallException("plugin_next_batch", code, lastError());
                }
                int n = count.get(ValueLayout.JAVA_INT, 0);
                List<CapturedEvent> events = new ArrayList<>(n);
                MemorySegment pointers = array.get(ValueLayout.ADDRESS, 0).reinterpret(8L * n);
                for (int i = 0; i < n; i++) {
                    events.add(PluginInputs.captured(pointers.getAtIndex(ValueLayout.ADDRESS, i), taken + 1));
                    taken++;
                }
                var result = switch (code) {
                    case SUCCESS -> dev.falcojava.sdk.api.BatchResult.EVENTS;
                    case TIMEOUT -> dev.falcojava.sdk.api.BatchResult.TIMEOUT;
                    default -> dev.falcojava.sdk.api.BatchResult.END_OF_STREAM;
                };
                return new Batch(result, events);
            }
        }

        /** Pulls batches until {@code n} events were taken or the stream ended; returns what was taken. */
        public List<CapturedEvent> take(int n) {
            List<CapturedEvent> events = new ArrayList<>();
            int timeouts = 0;
            while (events.size() < n) {
                Batch batch = nextBatch();
                events.addAll(batch.events());
                switch (batch.result()) {
                    case END_OF_STREAM -> {
                        return events.size() > n ? events.subList(0, n) : events;
                    }
                    case TIMEOUT -> {
                        if (++timeouts > MAX_TIMEOUTS_IN_A_ROW) {
                            throw new IllegalStateException("the source timed out " + MAX_TIMEOUTS_IN_A_ROW + " times in a row");
                        }
                    }
                    case EVENTS -> timeouts = 0;
                }
            }
            return events.size() > n ? new ArrayList<>(events.subList(0, n)) : events;
        }

        /** Calls {@code plugin_get_progress}: basis points and text, or {@code null} text when the plugin gave none. */
        public dev.falcojava.sdk.api.Progress progress() {
            try (Arena call = Arena.ofConfined()) {
                MemorySegment percent = call.allocate(ValueLayout.JAVA_INT);
                long text = (long) invoke(BridgeSlot.GET_PROGRESS, state, instance, percent.address());
                return new dev.falcojava.sdk.api.Progress(percent.get(ValueLayout.JAVA_INT, 0),
                        text == 0 ? null : MemorySegment.ofAddress(text).reinterpret(Long.MAX_VALUE).getString(0));
            }
        }

        /** Calls {@code plugin_close}. */
        @Override
        public void close() {
            invoke(BridgeSlot.CLOSE, state, instance);
        }
    }
}
