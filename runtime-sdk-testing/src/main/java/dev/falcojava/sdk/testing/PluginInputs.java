package dev.falcojava.sdk.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * The inputs a {@link PluginHarness} passes to the plugin, filled as Falco fills them: the owner, the host's
 * callbacks and the table vtables of its {@link TableRegistry}, and events as {@code ss_plugin_event_input}s; and
 * the events of the plugin's batches, copied out.
 */
final class PluginInputs {

    private final MemorySegment owner;
    private final HostCallbacks callbacks;
    private final TableRegistry registry;
    private final String eventSource;

    private final HarnessThreadPool pool;

    PluginInputs(MemorySegment owner, HostCallbacks callbacks, TableRegistry registry, String eventSource,
                 HarnessThreadPool pool) {
        this.pool = pool;
        this.owner = owner;
        this.callbacks = callbacks;
        this.registry = registry;
        this.eventSource = eventSource;
    }

    /** The {@code ss_plugin_init_input}; the tables input only when the plugin gets tables. */
    MemorySegment init(String config, boolean tablesGiven, Arena call) {
        MemorySegment input = call.allocate(INIT_INPUT);
        input.set(ValueLayout.ADDRESS, INIT_INPUT_CONFIG, call.allocateFrom(config));
        input.set(ValueLayout.ADDRESS, INIT_INPUT_OWNER, owner);
        input.set(ValueLayout.ADDRESS, INIT_INPUT_LOG_FN, callbacks.logFunction());
        input.set(ValueLayout.JAVA_LONG, INIT_INPUT_GET_OWNER_LAST_ERROR, registry.ownerLastErrorFunction());
        if (tablesGiven) {
            input.set(ValueLayout.JAVA_LONG, INIT_INPUT_TABLES, registry.initInput());
        }
        return input;
    }

    /** The {@code ss_plugin_field_extract_input} of {@code count} requests, with the table reader only. */
    MemorySegment extract(MemorySegment requests, int count, Arena call) {
        MemorySegment input = call.allocate(EXTRACT_INPUT);
        input.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_OWNER, owner.address());
        input.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_GET_OWNER_LAST_ERROR, registry.ownerLastErrorFunction());
        input.set(ValueLayout.JAVA_INT, EXTRACT_INPUT_NUM_FIELDS, count);
        input.set(ValueLayout.ADDRESS, EXTRACT_INPUT_FIELDS, requests);
        input.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_TABLE_READER_EXT, registry.reader());
        copyVtable(registry.reader(), TABLE_READER, input, EXTRACT_INPUT, "table_reader");
        return input;
    }

    /** The {@code ss_plugin_event_parse_input}, with the table reader and writer. */
    MemorySegment parse(Arena call) {
        MemorySegment input = call.allocate(PARSE_INPUT);
        input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_OWNER, owner.address());
        input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_GET_OWNER_LAST_ERROR, registry.ownerLastErrorFunction());
        copyVtable(registry.reader(), TABLE_READER, input, PARSE_INPUT, "table_reader");
        copyVtable(registry.writer(), TABLE_WRITER, input, PARSE_INPUT, "table_writer");
        input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_TABLE_READER_EXT, registry.reader());
        input.set(ValueLayout.JAVA_LONG, PARSE_INPUT_TABLE_WRITER_EXT, registry.writer());
        return input;
    }

    /** The {@code ss_plugin_capture_listen_input}, with the table reader and writer and the routine vtable. */
    MemorySegment capture(Arena call) {
        MemorySegment input = call.allocate(CAPTURE_LISTEN_INPUT);
        input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_OWNER, owner.address());
        input.set(ValueLayout.ADDRESS, CAPTURE_INPUT_ROUTINE, pool.vtable());
        input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_GET_OWNER_LAST_ERROR, registry.ownerLastErrorFunction());
        input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_TABLE_READER_EXT, registry.reader());
        input.set(ValueLayout.JAVA_LONG, CAPTURE_INPUT_TABLE_WRITER_EXT, registry.writer());
        return input;
    }

    /**
     * The {@code ss_plugin_event_input} of {@code event}: a plugin event (type 322) of the plugin's source, or a
     * system call event, copied as it is, of the source {@code syscall}.
     */
    MemorySegment event(HarnessEvent event, Arena call) {
        MemorySegment evt = switch (event) {
            case CapturedEvent plugin -> pluginEvent(plugin, call);
            case SyscallEventRecord syscall -> call.allocateFrom(ValueLayout.JAVA_BYTE, syscall.bytes());
        };
        String source = event instanceof SyscallEventRecord ? "syscall" : eventSource;
        MemorySegment input = call.allocate(EVENT_INPUT);
        input.set(ValueLayout.ADDRESS, EVENT_INPUT_EVT, evt);
        input.set(ValueLayout.JAVA_LONG, EVENT_INPUT_EVTNUM, event.number());
        input.set(ValueLayout.ADDRESS, EVENT_INPUT_EVTSRC, call.allocateFrom(source));
        return input;
    }

    private static MemorySegment pluginEvent(CapturedEvent event, Arena call) {
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
        return evt;
    }

    /** The plugin event at {@code address}, from a batch of the plugin's, copied out as event {@code number}. */
    static CapturedEvent captured(MemorySegment address, long number) {
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
        return new CapturedEvent(number, whole.get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TS),
                whole.get(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PLUGIN_ID), payload,
                whole.get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID));
    }

    /** Copies the vtable at {@code vtable} into the member {@code member} of {@code input}, which holds it by value. */
    private static void copyVtable(long vtable, StructLayout vtableLayout, MemorySegment input, StructLayout inputLayout, String member) {
        MemorySegment.copy(MemorySegment.ofAddress(vtable).reinterpret(vtableLayout.byteSize()), 0,
                input, inputLayout.byteOffset(MemoryLayout.PathElement.groupElement(member)), vtableLayout.byteSize());
    }
}
