package dev.falcojava.sdk.abi.events;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ScratchBuffer;
import dev.falcojava.sdk.abi.Utf8;
import dev.falcojava.sdk.abi.Utf8Writer;
import dev.falcojava.sdk.api.EventBatch;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * Writes plugin events contiguously into native memory owned by one source instance, then publishes the array
 * of event pointers the host reads until the next {@code next_batch} or {@code close}.
 */
public final class NativeEventBatch implements EventBatch {

    private static final short PLUGIN_EVENT = 322;
    private static final long NO_THREAD = -1L;

    private final int pluginId;
    private final ScratchBuffer events = new ScratchBuffer("event batch", 64 * 1024, ScratchBuffer.BATCH_LIMIT);
    private final ScratchBuffer pointers = new ScratchBuffer("event pointer array", 8 * 256, ScratchBuffer.BATCH_LIMIT);
    private long used;
    private int count;
    private long[] offsets = new long[256];
    private final Utf8Writer utf8 = new Utf8Writer();
    /** Text payloads up to this worst-case size are encoded in one pass into room for the worst case. */
    private static final long ONE_PASS_MAX_BYTES = 1L << 20;

    public NativeEventBatch(int pluginId) {
        this.pluginId = pluginId;
    }

    public void begin() {
        used = 0;
        count = 0;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public void add(long timestampNanos, byte[] payload, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, payload.length);
        long at = reserveEvent(timestampNanos, length);
        MemorySegment.copy(payload, offset, NativeMemory.ALL, ValueLayout.JAVA_BYTE, at + PLUGIN_EVENT_PAYLOAD, length);
    }

    @Override
    public void add(ByteBuffer payload) {
        int length = payload.remaining();
        long at = reserveEvent(HOST_TIMESTAMP, length);
        MemorySegment target = events.segment().asSlice(at - events.segment().address() + PLUGIN_EVENT_PAYLOAD, length);
        target.copyFrom(MemorySegment.ofBuffer(payload));
    }

    @Override
    public void add(CharSequence text) {
        if (text instanceof String string && Utf8Writer.maxBytes(string.length()) <= ONE_PASS_MAX_BYTES) {
            long start = used;
            MemorySegment seg = events.grow(start + PLUGIN_EVENT_PAYLOAD + Utf8Writer.maxBytes(string.length()), used);
            long end = utf8.write(string, seg, start + PLUGIN_EVENT_PAYLOAD);
            reserveEvent(HOST_TIMESTAMP, (int) (end - start - PLUGIN_EVENT_PAYLOAD));
            return;
        }
        long length = Utf8.encodedLength(text);
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("event payload of " + length + " bytes is too large");
        }
        long at = reserveEvent(HOST_TIMESTAMP, (int) length);
        Utf8.encode(text, events.segment(), at - events.segment().address() + PLUGIN_EVENT_PAYLOAD);
    }

    /** Reserves an event with room for {@code payloadLength} bytes of payload, writes its header and returns its address. */
    private long reserveEvent(long timestamp, int payloadLength) {
        long eventLength = PLUGIN_EVENT_PAYLOAD + payloadLength;
        if (eventLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("event of " + eventLength + " bytes exceeds the 4 GiB event limit");
        }
        long start = used;
        long at = events.grow(start + eventLength, used).address() + start;
        NativeMemory.putU64(at + EVENT_TS, timestamp);
        NativeMemory.putU64(at + EVENT_TID, NO_THREAD);
        NativeMemory.putU32(at + EVENT_LEN, (int) eventLength);
        NativeMemory.putU16(at + EVENT_TYPE, PLUGIN_EVENT);
        NativeMemory.putU32(at + EVENT_NPARAMS, 2);
        NativeMemory.putU32(at + PLUGIN_EVENT_PARAM_LENS, 4);
        NativeMemory.putU32(at + PLUGIN_EVENT_PARAM_LENS + 4, payloadLength);
        NativeMemory.putU32(at + PLUGIN_EVENT_PLUGIN_ID, pluginId);
        if (count == offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = start;
        used = start + eventLength;
        return at;
    }

    /** Writes the event pointer array and returns its address. */
    public long publish() {
        MemorySegment array = pointers.reserve(8L * Math.max(1, count));
        long base = events.segment().address();
        for (int i = 0; i < count; i++) {
            array.setAtIndex(ValueLayout.JAVA_LONG, i, base + offsets[i]);
        }
        return array.address();
    }
}
