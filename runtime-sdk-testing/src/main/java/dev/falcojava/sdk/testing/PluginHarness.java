package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.BridgeSlot;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourcePlugin;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
 *
 * <p>Events are plugin events ({@link CapturedEvent}, taken from a source or made by the test) or system call
 * events made with {@link SyscallEventBuilder}.
 */
public final class PluginHarness implements AutoCloseable {

    private static final int MAX_TIMEOUTS_IN_A_ROW = 1000;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment owner = arena.allocate(8);
    private final HostCallbacks callbacks = new HostCallbacks(owner, arena);
    private final HarnessThreadPool pool = new HarnessThreadPool(arena);
    private final HostTables tables = new HostTables(TableRegistry.withThreads());
    private final boolean tablesGiven;
    private final PluginInputs inputs;
    private final BridgeCalls bridge;
    private final CapabilityCalls calls;

    private PluginHarness(Class<? extends Plugin> type) throws Throwable {
        Plugin metadata = type.getDeclaredConstructor().newInstance();
        List<FieldDefinition> fields = metadata instanceof ExtractPlugin extract ? extract.fields() : List.of();
        String eventSource = metadata instanceof SourcePlugin source ? source.eventSource() : "";
        tablesGiven = metadata instanceof ExtractPlugin || metadata instanceof ParsePlugin;
        inputs = new PluginInputs(owner, callbacks, tables.registry(), eventSource, pool);
        tables.registry().pluginLastError(this::lastError);
        try {
            bridge = new BridgeCalls(type.getName(), arena);
        } catch (IllegalStateException e) {
            arena.close();
            throw e;
        }
        calls = new CapabilityCalls(bridge, inputs, tables.registry(), fields, owner, callbacks, pool);
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
            harness.bridge.state(harness.calls.tableCall("plugin_init",
                    () -> harness.bridge.invoke(BridgeSlot.INIT, input.address(), rc.address())));
            int code = rc.get(ValueLayout.JAVA_INT, 0);
            if (code != BridgeCalls.SUCCESS) {
                String error = harness.bridge.state() == 0 ? "no plugin state" : harness.lastError();
                harness.close();
                throw new PluginCallException("plugin_init", code, error);
            }
        }
        return harness;
    }

    /** Calls {@code plugin_open} with {@code params}. */
    public OpenSource open(String params) {
        return new OpenSource(calls.open(params));
    }

    /**
     * Calls {@code plugin_extract_fields} once for all {@code fieldNames} on {@code event}. A name may carry an
     * argument, as in {@code my.field[key]} or {@code my.field[2]}.
     *
     * @return one value per field: Long (uint64, reltime and abstime in nanoseconds), String, Boolean, InetAddress
     *         or IpNetwork; a List of them for list fields; {@code null} when a single-valued field has no value
     */
    public List<Object> extract(HarnessEvent event, String... fieldNames) {
        return calls.extract(event, fieldNames);
    }

    /** Calls {@code plugin_event_to_string}. */
    public String eventToString(HarnessEvent event) {
        return calls.eventToString(event);
    }

    /** The text {@code plugin_get_last_error} returns now. */
    public String lastError() {
        return bridge.lastError();
    }

    /** Calls {@code plugin_destroy}, then releases the bridge as the glue does after a library's last destroy. */
    @Override
    public void close() {
        if (!arena.scope().isAlive()) {
            return;
        }
        String failure;
        try {
            failure = bridge.destroyAndRelease();
        } finally {
            arena.close();
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Calls {@code plugin_parse_event} on {@code event}. */
    public void parse(HarnessEvent event) {
        calls.parse(event);
    }

    /** Calls {@code plugin_set_async_event_handler} with a handler that records the events in {@link #asyncEvents()}. */
    public void startAsync() {
        calls.asyncHandler(true);
    }

    /** Calls {@code plugin_set_async_event_handler} with NULL: the plugin must stop pushing before it returns. */
    public void stopAsync() {
        calls.asyncHandler(false);
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
        calls.capture(BridgeSlot.CAPTURE_OPEN, "plugin_capture_open");
    }

    /** Calls {@code plugin_capture_close}, then purges the routines still subscribed, as libsinsp does. */
    public void captureClose() {
        calls.captureClose();
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
        calls.setConfig(config);
    }

    /**
     * Calls {@code plugin_dump_state} with the handler of {@link #asyncEvents()}: what the plugin dumps is recorded
     * there, after the events pushed before.
     */
    public void dumpState() {
        calls.dumpState();
    }

    /** Calls {@code plugin_get_metrics}: metric name to value (Long or Double). */
    public Map<String, Object> metrics() {
        return calls.metrics();
    }

    /** Calls {@code plugin_list_open_params}: the JSON array it returns. */
    public String listOpenParams() {
        return calls.listOpenParams();
    }

    /** The host's tables: the threads table, tables added by the test, and the plugin's own (see {@link HostTables#rows}). */
    public HostTables hostTables() {
        return tables;
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
            Batch batch = calls.nextBatch(instance, taken + 1);
            taken += batch.events().size();
            return batch;
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
        public Progress progress() {
            return calls.progress(instance);
        }

        /** Calls {@code plugin_close}. */
        @Override
        public void close() {
            calls.close(instance);
        }
    }
}
