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
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * A plugin initialized, opened and read the way Falco drives one: {@code plugin_init} with a full init input (the
 * plugin's log lines go to {@code log}), {@code plugin_open}, {@code plugin_next_batch} until enough events or the
 * end, one {@code plugin_extract_fields} per event for the requested fields.
 */
public final class RunningPlugin implements AutoCloseable {

    private static final int SUCCESS = 0;
    private static final int TIMEOUT = -1;
    private static final int EOF = 2;
    private static final long EXTRACT_FIELD_SIZE = 64;
    private static final long PAYLOAD = 38;
    private static final String[] SEVERITIES = {"?", "fatal", "critical", "error", "warning", "notice", "info", "debug", "trace"};

    private final PluginLibrary library;
    private final PrintWriter log;
    private final MemorySegment state;
    private final MethodHandle lastError;

    /** One event as pulled, with the values of the requested fields. */
    public record Event(long number, long timestamp, String payload, String text, List<String> values) {
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
        MemorySegment input = arena.allocate(40, 8);
        input.set(ADDRESS, 0, arena.allocateFrom(config));
        input.set(ADDRESS, 8, arena.allocate(8));
        input.set(ADDRESS, 16, upcall("ownerLastError", MethodType.methodType(MemorySegment.class, MemorySegment.class),
                FunctionDescriptor.of(ADDRESS, ADDRESS)));
        input.set(ADDRESS, 32, upcall("log", MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class,
                MemorySegment.class, int.class), FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT)));
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
     * Opens the source with {@code params} and pulls up to {@code limit} events, extracting {@code fields} of each.
     *
     * @param fields field names with their arguments, and their types, as {@code plugin_get_fields} lists them
     */
    public List<Event> read(String params, int limit, List<RequestedField> fields) {
        MethodHandle open = require("open", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        MethodHandle next = require("next_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        MethodHandle close = require("close", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        MethodHandle toString = library.function("event_to_string", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)).orElse(null);
        MethodHandle extract = fields.isEmpty() ? null : require("extract_fields", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        String source = library.text("get_event_source").orElse("");
        List<Event> events = new ArrayList<>();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rc = call.allocate(JAVA_INT);
            MemorySegment instance = (MemorySegment) PluginLibrary.invoke(open, state, call.allocateFrom(params), rc);
            if (rc.get(JAVA_INT, 0) != SUCCESS) {
                throw new IllegalStateException("plugin_open failed: " + error());
            }
            try {
                MemorySegment count = call.allocate(JAVA_INT);
                MemorySegment array = call.allocate(ADDRESS);
                MemorySegment input = call.allocate(24, 8);
                input.set(ADDRESS, 16, call.allocateFrom(source));
                int timeouts = 0;
                while (events.size() < limit) {
                    int code = (int) PluginLibrary.invoke(next, state, instance, count, array);
                    if (code != SUCCESS && code != TIMEOUT && code != EOF) {
                        throw new IllegalStateException("plugin_next_batch failed: " + error());
                    }
                    if (code == TIMEOUT && ++timeouts > 1000) {
                        throw new IllegalStateException("plugin_next_batch timed out 1000 times in a row");
                    }
                    int n = count.get(JAVA_INT, 0);
                    MemorySegment pointers = array.get(ADDRESS, 0).reinterpret(8L * n);
                    for (int i = 0; i < n && events.size() < limit; i++) {
                        MemorySegment event = pointers.getAtIndex(ADDRESS, i);
                        long number = events.size() + 1;
                        input.set(ADDRESS, 0, event);
                        input.set(JAVA_LONG, 8, number);
                        events.add(event(event, number, input, toString, extract, fields));
                    }
                    if (code == EOF) {
                        break;
                    }
                }
            } finally {
                PluginLibrary.invoke(close, state, instance);
            }
        }
        return events;
    }

    private Event event(MemorySegment address, long number, MemorySegment input, MethodHandle toString,
                        MethodHandle extract, List<RequestedField> fields) {
        MemorySegment header = address.reinterpret(PAYLOAD);
        long length = Integer.toUnsignedLong(header.get(JAVA_INT_UNALIGNED, 16));
        MemorySegment whole = address.reinterpret(length);
        int payloadLength = whole.get(JAVA_INT_UNALIGNED, 30);
        String payload = new String(whole.asSlice(PAYLOAD, payloadLength).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        String text = toString == null ? null : PluginLibrary.string((MemorySegment) PluginLibrary.invoke(toString, state, input));
        List<String> values = extract == null ? List.of() : extract(extract, input, fields);
        return new Event(number, whole.get(JAVA_LONG_UNALIGNED, 0), payload, text, values);
    }

    private List<String> extract(MethodHandle extract, MemorySegment event, List<RequestedField> fields) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment requests = call.allocate(EXTRACT_FIELD_SIZE * fields.size(), 8);
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).writeRequest(requests.asSlice(EXTRACT_FIELD_SIZE * i, EXTRACT_FIELD_SIZE), call);
            }
            MemorySegment input = call.allocate(80, 8);
            input.set(JAVA_INT, 16, fields.size());
            input.set(ADDRESS, 24, requests);
            int code = (int) PluginLibrary.invoke(extract, state, event, input);
            if (code != SUCCESS) {
                throw new IllegalStateException("plugin_extract_fields failed: " + error());
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                values.add(render(fields.get(i), requests.asSlice(EXTRACT_FIELD_SIZE * i, EXTRACT_FIELD_SIZE)));
            }
            return values;
        }
    }

    private static String render(RequestedField field, MemorySegment request) {
        long count = request.get(JAVA_LONG, 8);
        if (count == 0) {
            return "<NA>";
        }
        MemorySegment values = request.get(ADDRESS, 0).reinterpret(16 * count);
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
        int length = buffers.get(JAVA_INT, 16L * i);
        byte[] bytes = buffers.get(ADDRESS, 16L * i + 8).reinterpret(length).toArray(JAVA_BYTE);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "<" + length + "-byte address>";
        }
    }

    private void destroy() {
        library.function("destroy", FunctionDescriptor.ofVoid(ADDRESS)).ifPresent(handle -> PluginLibrary.invoke(handle, state));
    }

    @Override
    public void close() {
        destroy();
    }
}
