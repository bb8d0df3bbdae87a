package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.Bootstrap;
import dev.falcojava.sdk.abi.BridgeSlot;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.IpNetwork;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.api.SourcePlugin;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
    private final HostTables tables = new HostTables(TableRegistry.withThreads());
    private final boolean tablesGiven;
    private long state;
    private MemorySegment bridgeTable = MemorySegment.NULL;

    private PluginHarness(Class<? extends Plugin> type) throws Throwable {
        Plugin metadata = type.getDeclaredConstructor().newInstance();
        fields = metadata instanceof ExtractPlugin extract ? extract.fields() : List.of();
        eventSource = metadata instanceof SourcePlugin source ? source.eventSource() : "";
        tablesGiven = metadata instanceof ExtractPlugin || metadata instanceof ParsePlugin;
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
            MemorySegment input = call.allocate(INIT_INPUT);
            input.set(ValueLayout.ADDRESS, INIT_INPUT_CONFIG, call.allocateFrom(config));
            input.set(ValueLayout.ADDRESS, INIT_INPUT_OWNER, harness.owner);
            input.set(ValueLayout.ADDRESS, INIT_INPUT_LOG_FN, harness.callbacks.logFunction());
            input.set(ValueLayout.JAVA_LONG, INIT_INPUT_GET_OWNER_LAST_ERROR, harness.tables.registry().ownerLastErrorFunction());
            if (harness.tablesGiven) {
                input.set(ValueLayout.JAVA_LONG, INIT_INPUT_TABLES, harness.tables.registry().initInput());
            }
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
                definitions[i] = describeRequest(fieldNames[i], requests.asSlice(i * EXTRACT_FIELD_SIZE, EXTRACT_FIELD_SIZE), call);
            }
            MemorySegment input = call.allocate(EXTRACT_INPUT);
            input.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_OWNER, owner.address());
            input.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_GET_OWNER_LAST_ERROR, tables.registry().ownerLastErrorFunction());
            input.set(ValueLayout.JAVA_INT, EXTRACT_INPUT_NUM_FIELDS, fieldNames.length);
            input.set(ValueLayout.ADDRESS, EXTRACT_INPUT_FIELDS, requests);
            input.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_TABLE_READER_EXT, tables.registry().reader());
            MemorySegment.copy(MemorySegment.ofAddress(tables.registry().reader()).reinterpret(TABLE_READER.byteSize()), 0,
                    input, EXTRACT_INPUT.byteOffset(MemoryLayout.PathElement.groupElement("table_reader")), TABLE_READER.byteSize());
            MemorySegment in = eventInput(event, call);
            int code = (int) tableCall("extract_fields",
                    () -> invoke(BridgeSlot.EXTRACT_FIELDS, state, in.address(), input.address()));
            if (code != SUCCESS) {
                throw new PluginCallException("plugin_extract_fields", code, lastError());
            }
            List<Object> values = new ArrayList<>(fieldNames.length);
            for (int i = 0; i < fieldNames.length; i++) {
                values.add(readValue(definitions[i], requests.asSlice(i * EXTRACT_FIELD_SIZE, EXTRACT_FIELD_SIZE)));
            }
            return values;
        }
    }

    /** Calls {@code plugin_event_to_string}. */
    public String eventToString(CapturedEvent event) {
        try (Arena call = Arena.ofConfined()) {
            long text = (long) invoke(BridgeSlot.EVENT_TO_STRING, state, eventInput(event, call).address());
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

    private FieldDefinition describeRequest(String requested, MemorySegment field, Arena call) {
        String name = requested;
        String argument = null;
        int bracket = requested.indexOf('[');
        if (bracket > 0 && requested.endsWith("]")) {
            name = requested.substring(0, bracket);
            argument = requested.substring(bracket + 1, requested.length() - 1);
        }
        int id = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                id = i;
            }
        }
        if (id < 0) {
            throw new IllegalArgumentException("the plugin has no field " + name);
        }
        FieldDefinition definition = fields.get(id);
        field.set(ValueLayout.JAVA_INT, FIELD_ID, id);
        field.set(ValueLayout.ADDRESS, FIELD_NAME, call.allocateFrom(name));
        field.set(ValueLayout.JAVA_INT, FIELD_TYPE, definition.type().code());
        if (argument != null) {
            field.set(ValueLayout.JAVA_INT, FIELD_ARG_PRESENT, 1);
            if (!argument.isEmpty() && argument.chars().allMatch(Character::isDigit)) {
                field.set(ValueLayout.JAVA_LONG, FIELD_ARG_INDEX, Long.parseLong(argument));
            } else {
                field.set(ValueLayout.ADDRESS, FIELD_ARG_KEY, call.allocateFrom(argument));
            }
        }
        return definition;
    }

    private static Object readValue(FieldDefinition definition, MemorySegment field) {
        long count = field.get(ValueLayout.JAVA_LONG, FIELD_RES_LEN);
        if (count == 0) {
            return definition.list() ? List.of() : null;
        }
        MemorySegment values = field.get(ValueLayout.ADDRESS, FIELD_RES).reinterpret(16 * count);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(switch (definition.type()) {
                case UINT64, RELTIME, ABSTIME -> values.getAtIndex(ValueLayout.JAVA_LONG, i);
                case BOOL -> values.getAtIndex(ValueLayout.JAVA_INT, i) != 0;
                case STRING -> values.getAtIndex(ValueLayout.ADDRESS, i).reinterpret(Long.MAX_VALUE).getString(0);
                case IPADDR -> address(values, i);
                case IPNET -> new IpNetwork(address(values, i));
            });
        }
        return definition.list() ? List.copyOf(list) : list.getFirst();
    }

    private static InetAddress address(MemorySegment buffers, int i) {
        int length = buffers.get(ValueLayout.JAVA_INT, 16L * i);
        byte[] bytes = buffers.get(ValueLayout.ADDRESS, 16L * i + 8).reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the plugin returned an address of " + length + " bytes", e);
        }
    }

    /** Calls {@code plugin_parse_event} on {@code event}. */
    public void parse(CapturedEvent event) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = call.allocate(PARSE_INPUT);
            input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_OWNER, owner.address());
            input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_GET_OWNER_LAST_ERROR, tables.registry().ownerLastErrorFunction());
            setVtables(input, PARSE_INPUT, "table_reader", "table_writer");
            input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_TABLE_READER_EXT, tables.registry().reader());
            input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_TABLE_WRITER_EXT, tables.registry().writer());
            MemorySegment in = eventInput(event, call);
            int code = (int) tableCall("parse_event", () -> invoke(BridgeSlot.PARSE_EVENT, state, in.address(), input.address()));
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

    /** Calls {@code plugin_capture_close}. */
    public void captureClose() {
        captureCall(BridgeSlot.CAPTURE_CLOSE, "plugin_capture_close");
    }

    private void captureCall(BridgeSlot slot, String name) {
        int code;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment input = call.allocate(CAPTURE_LISTEN_INPUT);
            input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_OWNER, owner.address());
            input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_GET_OWNER_LAST_ERROR, tables.registry().ownerLastErrorFunction());
            input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_TABLE_READER_EXT, tables.registry().reader());
            input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_TABLE_WRITER_EXT, tables.registry().writer());
            code = (int) tableCall(name.substring("plugin_".length()), () -> invoke(slot, state, input.address()));
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

    private MemorySegment eventInput(CapturedEvent event, Arena call) {
        byte[] payload = event.payload();
        MemorySegment evt = call.allocate(PLUGIN_EVENT_PAYLOAD + payload.length, 8);
        evt.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TS, event.timestamp());
        evt.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID, event.threadId());
        evt.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_LEN, (int) (PLUGIN_EVENT_PAYLOAD + payload.length));
        evt.set(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE, (short) 322);
        evt.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_NPARAMS, 2);
        evt.set(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PARAM_LENS, 4);
        evt.set(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PARAM_LENS + 4, payload.length);
        evt.set(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PLUGIN_ID, event.pluginId());
        MemorySegment.copy(payload, 0, evt, ValueLayout.JAVA_BYTE, PLUGIN_EVENT_PAYLOAD, payload.length);
        MemorySegment input = call.allocate(EVENT_INPUT);
        input.set(ValueLayout.ADDRESS, EVENT_INPUT_EVT, evt);
        input.set(ValueLayout.JAVA_LONG, EVENT_INPUT_EVTNUM, event.number());
        input.set(ValueLayout.ADDRESS, EVENT_INPUT_EVTSRC, call.allocateFrom(eventSource));
        return input;
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

    private void setVtables(MemorySegment input, java.lang.foreign.StructLayout layout, String readerName, String writerName) {
        MemorySegment.copy(MemorySegment.ofAddress(tables.registry().reader()).reinterpret(TABLE_READER.byteSize()), 0,
                input, layout.byteOffset(MemoryLayout.PathElement.groupElement(readerName)), TABLE_READER.byteSize());
        MemorySegment.copy(MemorySegment.ofAddress(tables.registry().writer()).reinterpret(TABLE_WRITER.byteSize()), 0,
                input, layout.byteOffset(MemoryLayout.PathElement.groupElement(writerName)), TABLE_WRITER.byteSize());
    }

    private Object invoke(BridgeSlot slot, Object... arguments) {
        try {
            return calls.get(slot).invokeWithArguments(arguments);
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
                    events.add(copy(pointers.getAtIndex(ValueLayout.ADDRESS, i)));
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

        private CapturedEvent copy(MemorySegment address) {
            MemorySegment header = address.reinterpret(PLUGIN_EVENT_PAYLOAD);
            long length = Integer.toUnsignedLong(header.get(ValueLayout.JAVA_INT_UNALIGNED, EVENT_LEN));
            int type = Short.toUnsignedInt(header.get(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE));
            int params = header.get(ValueLayout.JAVA_INT_UNALIGNED, EVENT_NPARAMS);
            int payloadLength = header.get(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PARAM_LENS + 4);
            if (type != 322 || params != 2 || length != PLUGIN_EVENT_PAYLOAD + Integer.toUnsignedLong(payloadLength)) {
                throw new IllegalStateException("malformed plugin event: type " + type + ", " + params
                        + " parameters, length " + length + ", payload length " + payloadLength);
            }
            MemorySegment whole = address.reinterpret(length);
            byte[] payload = whole.asSlice(PLUGIN_EVENT_PAYLOAD, payloadLength).toArray(ValueLayout.JAVA_BYTE);
            return new CapturedEvent(++taken, whole.get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TS),
                    whole.get(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PLUGIN_ID), payload,
                    whole.get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID));
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
