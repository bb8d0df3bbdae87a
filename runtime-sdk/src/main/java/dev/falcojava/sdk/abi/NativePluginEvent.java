package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.PluginEvent;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static dev.falcojava.sdk.abi.Layouts.*;

/** A reusable view of an event in host memory, checked for consistency before the plugin sees it. */
final class NativePluginEvent implements PluginEvent {

    private static final long PLUGIN_EVENT_MIN_LEN = PLUGIN_EVENT_PAYLOAD;

    private long address;
    private long number;
    private int type;
    private int payloadLength;

    /** Points this view at the event of an {@code ss_plugin_event_input}. */
    void resetFromInput(long eventInput) {
        if (eventInput == 0) {
            throw new IllegalArgumentException("event input is NULL");
        }
        reset(NativeMemory.pointer(eventInput + EVENT_INPUT_EVT), NativeMemory.u64(eventInput + EVENT_INPUT_EVTNUM));
    }

    void reset(long eventAddress, long eventNumber) {
        if (eventAddress == 0) {
            throw new IllegalArgumentException("event " + eventNumber + " is NULL");
        }
        long len = Integer.toUnsignedLong(NativeMemory.u32(eventAddress + EVENT_LEN));
        int eventType = NativeMemory.u16(eventAddress + EVENT_TYPE);
        int length = 0;
        if (len < EVENT_HEADER_SIZE) {
            throw malformed(eventNumber, "length " + len + " is shorter than the " + EVENT_HEADER_SIZE + "-byte header");
        }
        if (eventType == PLUGIN_EVENT_TYPE) {
            int nparams = NativeMemory.u32(eventAddress + EVENT_NPARAMS);
            if (nparams != 2) {
                throw malformed(eventNumber, "plugin event has " + Integer.toUnsignedString(nparams) + " parameters, expected 2");
            }
            if (len < PLUGIN_EVENT_MIN_LEN) {
                throw malformed(eventNumber, "plugin event length " + len + " is shorter than " + PLUGIN_EVENT_MIN_LEN);
            }
            int idLength = NativeMemory.u32(eventAddress + PLUGIN_EVENT_PARAM_LENS);
            long dataLength = Integer.toUnsignedLong(NativeMemory.u32(eventAddress + PLUGIN_EVENT_PARAM_LENS + 4));
            if (idLength != 4) {
                throw malformed(eventNumber, "plugin id parameter has length " + Integer.toUnsignedString(idLength) + ", expected 4");
            }
            if (PLUGIN_EVENT_PAYLOAD + dataLength != len) {
                throw malformed(eventNumber, "payload length " + dataLength + " does not match event length " + len);
            }
            length = (int) dataLength;
        }
        this.address = eventAddress;
        this.number = eventNumber;
        this.type = eventType;
        this.payloadLength = length;
    }

    private static IllegalArgumentException malformed(long number, String why) {
        return new IllegalArgumentException("malformed event " + number + ": " + why);
    }

    private void requirePluginEvent() {
        if (type != PLUGIN_EVENT_TYPE) {
            throw new IllegalStateException("event " + number + " of type " + type + " is not a plugin event");
        }
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public long timestamp() {
        return NativeMemory.u64(address + EVENT_TS);
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public int pluginId() {
        requirePluginEvent();
        return NativeMemory.u32(address + PLUGIN_EVENT_PLUGIN_ID);
    }

    @Override
    public int payloadLength() {
        requirePluginEvent();
        return payloadLength;
    }

    @Override
    public byte payloadByte(int index) {
        requirePluginEvent();
        if (index < 0 || index >= payloadLength) {
            throw new IndexOutOfBoundsException("payload index " + index + " out of 0.." + payloadLength);
        }
        return NativeMemory.u8(address + PLUGIN_EVENT_PAYLOAD + index);
    }

    @Override
    public void copyPayload(int from, byte[] target, int offset, int length) {
        requirePluginEvent();
        if (from < 0 || length < 0 || from > payloadLength - length) {
            throw new IndexOutOfBoundsException("payload range " + from + "+" + length + " out of 0.." + payloadLength);
        }
        MemorySegment.copy(NativeMemory.ALL, ValueLayout.JAVA_BYTE, address + PLUGIN_EVENT_PAYLOAD + from,
                target, offset, length);
    }

    @Override
    public String payloadAsString() {
        return new String(payload(), StandardCharsets.UTF_8);
    }
}
