package dev.falcojava.cli.inspecting;

import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static dev.falcojava.sdk.abi.Layouts.EVENT_INPUT;
import static dev.falcojava.sdk.abi.Layouts.EVENT_INPUT_EVT;
import static dev.falcojava.sdk.abi.Layouts.EVENT_INPUT_EVTNUM;
import static dev.falcojava.sdk.abi.Layouts.EVENT_INPUT_EVTSRC;
import static dev.falcojava.sdk.abi.Layouts.EVENT_LEN;
import static dev.falcojava.sdk.abi.Layouts.EVENT_TS;
import static dev.falcojava.sdk.abi.Layouts.EXTRACT_FIELD_SIZE;
import static dev.falcojava.sdk.abi.Layouts.EXTRACT_INPUT;
import static dev.falcojava.sdk.abi.Layouts.EXTRACT_INPUT_FIELDS;
import static dev.falcojava.sdk.abi.Layouts.EXTRACT_INPUT_NUM_FIELDS;
import static dev.falcojava.sdk.abi.Layouts.FIELD_RES;
import static dev.falcojava.sdk.abi.Layouts.FIELD_RES_LEN;
import static dev.falcojava.sdk.abi.Layouts.INIT_INPUT;
import static dev.falcojava.sdk.abi.Layouts.INIT_INPUT_CONFIG;
import static dev.falcojava.sdk.abi.Layouts.INIT_INPUT_GET_OWNER_LAST_ERROR;
import static dev.falcojava.sdk.abi.Layouts.INIT_INPUT_LOG_FN;
import static dev.falcojava.sdk.abi.Layouts.INIT_INPUT_OWNER;
import static dev.falcojava.sdk.abi.Layouts.PLUGIN_EVENT_PARAM_LENS;
import static dev.falcojava.sdk.abi.Layouts.PLUGIN_EVENT_PAYLOAD;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * A plugin initialized, opened and read the way Falco drives one: {@code plugin_init} with a full init input (the
 * plugin's log lines go to {@code log}), {@code plugin_open}, {@code plugin_next_batch} until the end of the stream,
 * a limit, a stop request or an idle time, one {@code plugin_extract_fields} per event for the requested fields.
 * Every call into the plugin is made on the thread that calls {@link #read} and {@link #close}.
 */
public final class RunningPlugin implements AutoCloseable {

    private static final int SUCCESS = 0;
    private static final int TIMEOUT = -1;
    private static final int EOF = 2;
    /** {@code ss_plugin_byte_buffer}: a uint32 length, padding, a pointer. */
    private static final long BYTE_BUFFER_SIZE = 16;
    private static final long BYTE_BUFFER_PTR = 8;
    private static final String[] SEVERITIES = {"?", "fatal", "critical", "error", "warning", "notice", "info", "debug", "trace"};

    private final PluginLibrary library;
    private final PrintWriter log;
    private final MemorySegment state;
    private final MethodHandle lastError;

    /**
     * One event as pulled.
     *
     * @param text      what {@code plugin_event_to_string} returned, or {@code null} when the plugin has none
     * @param extracted the values of the requested fields, or why extraction failed
     */
    public record Event(long number, long timestamp, String payload, String text, Extracted extracted) {
    }

    /** The outcome of {@code plugin_extract_fields} for one event. */
    public sealed interface Extracted {
    }

    /** One rendered value per requested field. */
    public record Values(List<String> values) implements Extracted {
    }

    /** {@code plugin_extract_fields} failed, with the plugin's last error. */
    public record Failed(String error) implements Extracted {
    }

    /** Why {@link #read} returned. */
    public enum End {
        /** {@code plugin_next_batch} returned EOF. */
        END_OF_STREAM,
        /** The number of events asked for was reached. */
        LIMIT,
        /** A stop was requested. */
        STOPPED,
        /** No event came for the idle time. */
        IDLE
    }

    /**
     * When to stop reading, besides the end of the stream.
     *
     * @param events how many events at most; 0 for no limit
     * @param idle   how long without an event at most; {@code null} for no limit
     * @param stop   checked before each {@code plugin_next_batch} and after each event
     */
    public record Limits(long events, Duration idle, BooleanSupplier stop) {
    }

    /**
     * @throws IllegalStateException when init fails, with the plugin's last error
     */
    public RunningPlugin(PluginLibrary library, String config, PrintWriter log) {
        this.library = library;
        this.log = log;
        this.lastError = require("get_last_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        MethodHandle init = require("init", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        Arena arena = library.arena();
        MemorySegment input = arena.allocate(INIT_INPUT);
        input.set(ADDRESS, INIT_INPUT_CONFIG, arena.allocateFrom(config));
        input.set(ADDRESS, INIT_INPUT_OWNER, arena.allocate(8));
        input.set(ADDRESS, INIT_INPUT_GET_OWNER_LAST_ERROR, upcall("ownerLastError",
                MethodType.methodType(MemorySegment.class, MemorySegment.class), FunctionDescriptor.of(ADDRESS, ADDRESS)));
        input.set(ADDRESS, INIT_INPUT_LOG_FN, upcall("log", MethodType.methodType(void.class, MemorySegment.class,
                MemorySegment.class, MemorySegment.class, int.class), FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT)));
        MemorySegment rc = arena.allocate(JAVA_INT);
        state = (MemorySegment) PluginLibrary.invoke(init, input, rc);
        if (rc.get(JAVA_INT, 0) != SUCCESS) {
            String why = state.address() == 0 ? "no plugin state" : error();
            destroy();
            throw new IllegalStateException("plugin_init failed: " + why);
        }
    }

    private MethodHandle require(String name, FunctionDescriptor descriptor) {
        return library.function(name, descriptor).orElseThrow(() ->
                new IllegalStateException(library.path() + " does not export plugin_" + name));
    }

    private MemorySegment upcall(String method, MethodType type, FunctionDescriptor descriptor) {
        try {
            MethodHandle target = MethodHandles.lookup().findVirtual(RunningPlugin.class, method, type).bindTo(this);
            return Linker.nativeLinker().upcallStub(target, descriptor, library.arena());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private MemorySegment ownerLastError(MemorySegment owner) {
        return MemorySegment.NULL;
    }

    private void log(MemorySegment owner, MemorySegment component, MemorySegment message, int severity) {
        String name = PluginLibrary.string(component);
        log.println("[" + (severity > 0 && severity < SEVERITIES.length ? SEVERITIES[severity] : "?") + "] "
                + (name == null ? "" : name + ": ") + PluginLibrary.string(message));
        log.flush();
    }

    private String error() {
        String text = PluginLibrary.string((MemorySegment) PluginLibrary.invoke(lastError, state));
        return text == null ? "(no last error)" : text;
    }

    /**
     * Opens the source with {@code params}, hands each event to {@code sink} as it comes, and closes the source.
     * {@code SS_PLUGIN_TIMEOUT} only means that no event is ready yet: the next batch is asked for at once, as Falco
     * does, however many times in a row.
     *
     * @param fields field names with their arguments, and their types, as {@code plugin_get_fields} lists them
     * @throws IllegalStateException when open or next_batch fails; an exception of {@code sink} ends the read too
     */
    public End read(String params, List<RequestedField> fields, Limits limits, Consumer<Event> sink) {
        MethodHandle open = require("open", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        MethodHandle next = require("next_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        MethodHandle close = require("close", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        MethodHandle toString = library.function("event_to_string", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)).orElse(null);
        MethodHandle extract = fields.isEmpty() ? null : require("extract_fields", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        String source = library.text("get_event_source").orElse("");
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rc = call.allocate(JAVA_INT);
            MemorySegment instance = (MemorySegment) PluginLibrary.invoke(open, state, call.allocateFrom(params), rc);
            if (rc.get(JAVA_INT, 0) != SUCCESS) {
                throw new IllegalStateException("plugin_open failed: " + error());
            }
            try {
                MemorySegment count = call.allocate(JAVA_INT);
                MemorySegment array = call.allocate(ADDRESS);
                MemorySegment input = call.allocate(EVENT_INPUT);
                input.set(ADDRESS, EVENT_INPUT_EVTSRC, call.allocateFrom(source));
                long number = 0;
                long lastEvent = System.nanoTime();
                while (true) {
                    if (limits.stop().getAsBoolean()) {
                        return End.STOPPED;
                    }
                    int code = (int) PluginLibrary.invoke(next, state, instance, count, array);
                    if (code != SUCCESS && code != TIMEOUT && code != EOF) {
                        throw new IllegalStateException("plugin_next_batch failed: " + error());
                    }
                    int n = code == TIMEOUT ? 0 : count.get(JAVA_INT, 0);
                    if (code == SUCCESS && n == 0) {
                        throw new IllegalStateException("plugin_next_batch returned SUCCESS with no event, which Falco refuses"
                                + " (unexpected 0 size event returned by plugin); return SS_PLUGIN_TIMEOUT when no event is ready");
                    }
                    MemorySegment pointers = array.get(ADDRESS, 0).reinterpret(ADDRESS.byteSize() * n);
                    for (int i = 0; i < n; i++) {
                        MemorySegment event = pointers.getAtIndex(ADDRESS, i);
                        number++;
                        input.set(ADDRESS, EVENT_INPUT_EVT, event);
                        input.set(JAVA_LONG, EVENT_INPUT_EVTNUM, number);
                        sink.accept(event(event, number, input, toString, extract, fields));
                        if (number == limits.events()) {
                            return End.LIMIT;
                        }
                        if (limits.stop().getAsBoolean()) {
                            return End.STOPPED;
                        }
                    }
                    if (code == EOF) {
                        return End.END_OF_STREAM;
                    }
                    if (n > 0) {
                        lastEvent = System.nanoTime();
                    } else if (limits.idle() != null && System.nanoTime() - lastEvent >= limits.idle().toNanos()) {
                        return End.IDLE;
                    }
                }
            } finally {
                PluginLibrary.invoke(close, state, instance);
            }
        }
    }

    private Event event(MemorySegment address, long number, MemorySegment input, MethodHandle toString,
                        MethodHandle extract, List<RequestedField> fields) {
        MemorySegment header = address.reinterpret(PLUGIN_EVENT_PAYLOAD);
        long length = Integer.toUnsignedLong(header.get(JAVA_INT_UNALIGNED, EVENT_LEN));
        MemorySegment whole = address.reinterpret(length);
        int payloadLength = whole.get(JAVA_INT_UNALIGNED, PLUGIN_EVENT_PARAM_LENS + JAVA_INT.byteSize());
        String payload = new String(whole.asSlice(PLUGIN_EVENT_PAYLOAD, payloadLength).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        String text = toString == null ? null : PluginLibrary.string((MemorySegment) PluginLibrary.invoke(toString, state, input));
        Extracted extracted = extract == null ? new Values(List.of()) : extract(extract, input, fields);
        return new Event(number, whole.get(JAVA_LONG_UNALIGNED, EVENT_TS), payload, text, extracted);
    }

    private Extracted extract(MethodHandle extract, MemorySegment event, List<RequestedField> fields) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment requests = call.allocate(EXTRACT_FIELD_SIZE * fields.size(), 8);
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).writeRequest(requests.asSlice(EXTRACT_FIELD_SIZE * i, EXTRACT_FIELD_SIZE), call);
            }
            MemorySegment input = call.allocate(EXTRACT_INPUT);
            input.set(JAVA_INT, EXTRACT_INPUT_NUM_FIELDS, fields.size());
            input.set(ADDRESS, EXTRACT_INPUT_FIELDS, requests);
            int code = (int) PluginLibrary.invoke(extract, state, event, input);
            if (code != SUCCESS) {
                return new Failed(error());
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                values.add(render(fields.get(i), requests.asSlice(EXTRACT_FIELD_SIZE * i, EXTRACT_FIELD_SIZE)));
            }
            return new Values(values);
        }
    }

    private static String render(RequestedField field, MemorySegment request) {
        long count = request.get(JAVA_LONG, FIELD_RES_LEN);
        if (count == 0) {
            return "<NA>";
        }
        MemorySegment values = request.get(ADDRESS, FIELD_RES).reinterpret(BYTE_BUFFER_SIZE * count);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(switch (field.type()) {
                case "string" -> PluginLibrary.string(values.getAtIndex(ADDRESS, i));
                case "bool" -> values.getAtIndex(JAVA_INT, i) != 0 ? "true" : "false";
                case "ipaddr", "ipnet" -> address(values, i);
                default -> Long.toUnsignedString(values.getAtIndex(JAVA_LONG, i));
            });
        }
        return count == 1 && !field.list() ? texts.getFirst() : "(" + String.join(",", texts) + ")";
    }

    private static String address(MemorySegment buffers, int i) {
        int length = buffers.get(JAVA_INT, BYTE_BUFFER_SIZE * i);
        byte[] bytes = buffers.get(ADDRESS, BYTE_BUFFER_SIZE * i + BYTE_BUFFER_PTR).reinterpret(length).toArray(JAVA_BYTE);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "<" + length + "-byte address>";
        }
    }

    private void destroy() {
        library.function("destroy", FunctionDescriptor.ofVoid(ADDRESS)).ifPresent(handle -> PluginLibrary.invoke(handle, state));
    }

    /** Destroys the plugin ({@code plugin_destroy}). */
    @Override
    public void close() {
        destroy();
    }
}
