package dev.falcojava.sdk.abi.events;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.api.PluginEvent;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * A reusable view of an event in host memory, checked for consistency before the plugin reads any of it: the
 * parameter lengths must fit the event's length, and plugin events must have the two parameters of their layout.
 *
 * <p>Parameter lengths are {@code uint32} for the large-payload types (plugin and async events) and
 * {@code uint16} for every other event, as in libscap.
 */
public final class NativePluginEvent implements PluginEvent {

    /**
     * The bytes of a plugin event from its type to its first parameter length (type 322, 2 parameters, a 4-byte
     * plugin id): the first 8 as one native-order word and the last 2, compared in two reads.
     */
    private static final long PLUGIN_HEADER_WORD;
    private static final int PLUGIN_HEADER_TAIL;

    static {
        MemorySegment header = MemorySegment.ofArray(new byte[(int) PLUGIN_EVENT_PAYLOAD]);
        header.set(NativeMemory.U16, EVENT_TYPE, (short) PLUGIN_EVENT_TYPE);
        header.set(NativeMemory.U32, EVENT_NPARAMS, 2);
        header.set(NativeMemory.U32, PLUGIN_EVENT_PARAM_LENS, 4);
        PLUGIN_HEADER_WORD = header.get(NativeMemory.U64, EVENT_TYPE);
        PLUGIN_HEADER_TAIL = Short.toUnsignedInt(header.get(NativeMemory.U16, EVENT_TYPE + 8));
    }

    private long address;
    private long number;
    private boolean checked;
    private int type;
    private int paramCount;
    private int lengthSize;
    private long sourcePointer;
    private String source = "";
    /** After the check: the end of the event, and for plugin and async events where the payload is and its length. */
    private long end;
    private long payloadAddress;
    private int payloadSize;

    /** Points this view at the event of an {@code ss_plugin_event_input}. */
    public void resetFromInput(long eventInput) {
        if (eventInput == 0) {
            throw new IllegalArgumentException("event input is NULL");
        }
        reset(NativeMemory.pointer(eventInput + EVENT_INPUT_EVT), NativeMemory.u64(eventInput + EVENT_INPUT_EVTNUM));
        long sourceAddress = NativeMemory.pointer(eventInput + EVENT_INPUT_EVTSRC);
        if (sourceAddress != sourcePointer) {
            source = NativeMemory.string(sourceAddress, "");
            sourcePointer = sourceAddress;
        }
    }

    /**
     * Points this view at the event at {@code eventAddress}. The event is checked when the plugin first reads it,
     * not here: a plugin that only needs the event number never touches the event's memory.
     */
    void reset(long eventAddress, long eventNumber) {
        if (eventAddress == 0) {
            throw new IllegalArgumentException("event " + eventNumber + " is NULL");
        }
        address = eventAddress;
        number = eventNumber;
        checked = false;
    }

    /**
     * Checks the event on the first read of its memory: before it, nothing of the event is read. The accessors a
     * plugin calls on every event test {@code checked} themselves, each at its own place in the code: the compiler
     * then sees, per accessor, whether the check is ever needed there, and does not copy it where it is not.
     */
    private void check() {
        if (!checked) {
            checkNow();
        }
    }

    private void checkNow() {
        if (!checkPluginEvent(address)) {
            validate(address, number);
        }
        checked = true;
    }

    /**
     * The common case, checked in one step: a plugin event with its two parameters, a 4-byte plugin id and a
     * payload that ends the event. Kept small so that it is compiled into its callers; any other event, or a
     * malformed one, takes {@link #validate}.
     */
    private boolean checkPluginEvent(long eventAddress) {
        long len = Integer.toUnsignedLong(NativeMemory.u32(eventAddress + EVENT_LEN));
        if (len < PLUGIN_EVENT_PAYLOAD || NativeMemory.u64(eventAddress + EVENT_TYPE) != PLUGIN_HEADER_WORD
                || NativeMemory.u16(eventAddress + EVENT_TYPE + 8) != PLUGIN_HEADER_TAIL
                || PLUGIN_EVENT_PAYLOAD + Integer.toUnsignedLong(NativeMemory.u32(eventAddress + PLUGIN_EVENT_PARAM_LENS + 4)) != len) {
            return false;
        }
        this.type = PLUGIN_EVENT_TYPE;
        this.paramCount = 2;
        this.lengthSize = 4;
        this.end = eventAddress + len;
        this.payloadAddress = eventAddress + PLUGIN_EVENT_PAYLOAD;
        this.payloadSize = (int) (len - PLUGIN_EVENT_PAYLOAD);
        return true;
    }

    private void validate(long eventAddress, long eventNumber) {
        long len = Integer.toUnsignedLong(NativeMemory.u32(eventAddress + EVENT_LEN));
        int eventType = NativeMemory.u16(eventAddress + EVENT_TYPE);
        if (len < EVENT_HEADER_SIZE) {
            throw malformed(eventNumber, "length " + len + " is shorter than the " + EVENT_HEADER_SIZE + "-byte header");
        }
        long params = Integer.toUnsignedLong(NativeMemory.u32(eventAddress + EVENT_NPARAMS));
        int sizeOfLength = largePayload(eventType) ? 4 : 2;
        if (eventType == PLUGIN_EVENT_TYPE && params != 2) {
            throw malformed(eventNumber, "plugin event has " + params + " parameters, expected 2");
        }
        if (eventType == ASYNC_EVENT_TYPE && params != 3) {
            throw malformed(eventNumber, "async event has " + params + " parameters, expected 3");
        }
        long end = EVENT_HEADER_SIZE + params * sizeOfLength;
        if (end > len) {
            throw malformed(eventNumber, params + " parameter lengths do not fit in the event length " + len);
        }
        if (eventType == PLUGIN_EVENT_TYPE || eventType == ASYNC_EVENT_TYPE) {
            long idLength = parameterLength(eventAddress, sizeOfLength, 0);
            if (idLength != 4) {
                throw malformed(eventNumber, "plugin id parameter has length " + idLength + ", expected 4");
            }
        }
        for (long i = 0; i < params; i++) {
            end += parameterLength(eventAddress, sizeOfLength, (int) i);
        }
        boolean exact = eventType == PLUGIN_EVENT_TYPE || eventType == ASYNC_EVENT_TYPE;
        if (exact ? end != len : end > len) {
            throw malformed(eventNumber, "parameters of " + (end - EVENT_HEADER_SIZE - params * sizeOfLength)
                    + " bytes do not match the event length " + len);
        }
        this.type = eventType;
        this.paramCount = (int) params;
        this.lengthSize = sizeOfLength;
        this.end = eventAddress + len;
        if (exact) {
            int payload = eventType == PLUGIN_EVENT_TYPE ? 1 : 2;
            this.payloadAddress = uncheckedParamAddress(payload);
            this.payloadSize = (int) parameterLength(eventAddress, sizeOfLength, payload);
        } else {
            this.payloadAddress = 0;
            this.payloadSize = 0;
        }
    }

    private static boolean largePayload(int eventType) {
        return dev.falcojava.sdk.events.EventTypes.largePayload(eventType);
    }

    private static long parameterLength(long eventAddress, int sizeOfLength, int index) {
        long at = eventAddress + EVENT_HEADER_SIZE + (long) index * sizeOfLength;
        return sizeOfLength == 4 ? Integer.toUnsignedLong(NativeMemory.u32(at)) : NativeMemory.u16(at);
    }

    private static IllegalArgumentException malformed(long number, String why) {
        return new IllegalArgumentException("malformed event " + number + ": " + why);
    }

    /** After a check: fails unless the event has a parameter {@code index}. */
    private void checkIndex(int index) {
        if (index < 0 || index >= paramCount) {
            throw new IndexOutOfBoundsException("event " + number + " of type " + type + " has " + paramCount
                    + " parameters, not a parameter " + index);
        }
    }

    private long paramAddress(int index) {
        check();
        return uncheckedParamAddress(index);
    }

    private long uncheckedParamAddress(int index) {
        long at = address + EVENT_HEADER_SIZE + (long) paramCount * lengthSize;
        for (int i = 0; i < index; i++) {
            at += parameterLength(address, lengthSize, i);
        }
        return at;
    }

    /** After a check: fails unless the event has a payload, as plugin and async events have. */
    private void requirePayload() {
        if (payloadAddress == 0) {
            payloadIndex();
        }
    }

    private int payloadIndex() {
        check();
        return switch (type) {
            case PLUGIN_EVENT_TYPE -> 1;
            case ASYNC_EVENT_TYPE -> 2;
            default -> throw new IllegalStateException("event " + number + " of type " + type
                    + " is neither a plugin event nor an async event; read it by parameter");
        };
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public long timestamp() {
        check();
        return NativeMemory.u64(address + EVENT_TS);
    }

    @Override
    public long threadId() {
        check();
        return NativeMemory.u64(address + EVENT_TID);
    }

    @Override
    public int type() {
        check();
        return type;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public int paramCount() {
        check();
        return paramCount;
    }

    @Override
    public int paramLength(int index) {
        if (!checked) {
            checkNow();
        }
        checkIndex(index);
        return (int) parameterLength(address, lengthSize, index);
    }

    @Override
    public void copyParam(int index, int from, byte[] target, int offset, int length) {
        int available = paramLength(index);
        if (from < 0 || length < 0 || from > available - length) {
            throw new IndexOutOfBoundsException("parameter " + index + " range " + from + "+" + length + " out of 0.." + available);
        }
        MemorySegment.copy(NativeMemory.ALL, ValueLayout.JAVA_BYTE, paramAddress(index) + from, target, offset, length);
    }

    @Override
    public int pluginId() {
        payloadIndex();
        return NativeMemory.u32(paramAddress(0));
    }

    @Override
    public String asyncEventName() {
        check();
        if (type != ASYNC_EVENT_TYPE) {
            throw new IllegalStateException("event " + number + " of type " + type + " is not an async event");
        }
        int length = paramLength(1);
        byte[] name = new byte[length];
        copyParam(1, 0, name, 0, length);
        int end = 0;
        while (end < length && name[end] != 0) {
            end++;
        }
        return new String(name, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public int payloadLength() {
        if (!checked) {
            checkNow();
        }
        requirePayload();
        return payloadSize;
    }

    @Override
    public byte payloadByte(int index) {
        if (!checked) {
            checkNow();
        }
        requirePayload();
        if (index < 0 || index >= payloadSize) {
            throw new IndexOutOfBoundsException("payload index " + index + " out of 0.." + payloadSize);
        }
        return NativeMemory.u8(payloadAddress + index);
    }

    @Override
    public void copyPayload(int from, byte[] target, int offset, int length) {
        copyParam(payloadIndex(), from, target, offset, length);
    }

    @Override
    public java.nio.ByteBuffer paramBuffer(int index) {
        check();
        int length = paramLength(index);
        return MemorySegment.ofAddress(paramAddress(index)).reinterpret(length).asByteBuffer().asReadOnlyBuffer();
    }

    @Override
    public java.nio.ByteBuffer payloadBuffer() {
        return paramBuffer(payloadIndex());
    }

    /** The address of {@code length} bytes of parameter {@code index} from {@code from}, checked to be inside it. */
    long paramSlice(int index, int from, int length) {
        if (!checked) {
            checkNow();
        }
        checkIndex(index);
        int available = (int) parameterLength(address, lengthSize, index);
        if (from < 0 || length < 0 || from > available - length) {
            throw new IndexOutOfBoundsException("parameter " + index + " range " + from + "+" + length + " out of 0.." + available);
        }
        return uncheckedParamAddress(index) + from;
    }

    /** The address of {@code length} bytes of the payload from {@code from}, checked to be inside it. */
    long payloadSlice(int from, int length) {
        if (!checked) {
            checkNow();
        }
        requirePayload();
        if (from < 0 || length < 0 || from > payloadSize - length) {
            throw new IndexOutOfBoundsException("parameter " + payloadIndex() + " range " + from + "+" + length + " out of 0.." + payloadSize);
        }
        return payloadAddress + from;
    }

    /** Whether the byte after the slice of {@code length} bytes at {@code at} (from a {@code *Slice} method) is in this event and NUL. */
    boolean nulAfterSlice(long at, int length) {
        long next = at + length;
        return next < end && NativeMemory.u8(next) == 0;
    }

    @Override
    public String payloadAsString() {
        return new String(payload(), StandardCharsets.UTF_8);
    }
}
