package dev.falcojava.sdk.events;

import dev.falcojava.sdk.api.PluginEvent;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * An event in a byte array, laid out as the driver lays it out, checked like the SDK checks host events: the
 * parameter lengths must fit in the event's length, which must fit in the array. It records any read outside a
 * parameter, which a view must never attempt.
 */
final class BytesEvent implements PluginEvent {

    private static final int HEADER = 26;

    private final byte[] bytes;
    private boolean checked;
    private int type;
    private int count;
    private int lengthSize;
    private int length;
    private boolean readOutside;

    BytesEvent(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An event of type {@code code} with these parameters, lengths of the width the event table gives the type. */
    static BytesEvent of(int code, byte[]... params) {
        int size = EventTypes.largePayload(code) ? 4 : 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = HEADER + params.length * size;
        for (byte[] param : params) {
            total += param.length;
        }
        writeLe(out, 1_700_000_000_000_000_000L, 8);
        writeLe(out, 42, 8);
        writeLe(out, total, 4);
        writeLe(out, code, 2);
        writeLe(out, params.length, 4);
        for (byte[] param : params) {
            writeLe(out, param.length, size);
        }
        for (byte[] param : params) {
            out.writeBytes(param);
        }
        return new BytesEvent(out.toByteArray());
    }

    static byte[] le(long value, int width) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLe(out, value, width);
        return out.toByteArray();
    }

    static byte[] cstring(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void writeLe(ByteArrayOutputStream out, long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    /** This event's bytes with its first parameter length raised past the end of the event. */
    byte[] paramLengthsPastTheEnd() {
        byte[] copy = bytes.clone();
        copy[HEADER] = (byte) 0xff;
        return copy;
    }

    boolean readOutside() {
        return readOutside;
    }

    private long le(int at, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xffL);
        }
        return value;
    }

    private void check() {
        if (checked) {
            return;
        }
        if (bytes.length < HEADER) {
            throw new IllegalArgumentException("malformed event: " + bytes.length + " bytes, shorter than the header");
        }
        long len = le(16, 4);
        if (len < HEADER || len > bytes.length) {
            throw new IllegalArgumentException("malformed event: length " + len + " outside 26.." + bytes.length);
        }
        type = (int) le(20, 2);
        long params = le(22, 4);
        lengthSize = EventTypes.largePayload(type) ? 4 : 2;
        long end = HEADER + params * lengthSize;
        if (end > len) {
            throw new IllegalArgumentException("malformed event: " + params + " parameter lengths do not fit in " + len);
        }
        for (int i = 0; i < params; i++) {
            end += le(HEADER + i * lengthSize, lengthSize);
            if (end > len) {
                throw new IllegalArgumentException("malformed event: parameter " + i + " runs past the event length " + len);
            }
        }
        count = (int) params;
        length = (int) len;
        checked = true;
    }

    private int offset(int index) {
        int at = HEADER + count * lengthSize;
        for (int i = 0; i < index; i++) {
            at += (int) le(HEADER + i * lengthSize, lengthSize);
        }
        return at;
    }

    @Override
    public long number() {
        return 1;
    }

    @Override
    public long timestamp() {
        check();
        return le(0, 8);
    }

    @Override
    public long threadId() {
        check();
        return le(8, 8);
    }

    @Override
    public int type() {
        check();
        return type;
    }

    @Override
    public String source() {
        return "syscall";
    }

    @Override
    public int paramCount() {
        check();
        return count;
    }

    @Override
    public int paramLength(int index) {
        check();
        if (index < 0 || index >= count) {
            readOutside = true;
            throw new IndexOutOfBoundsException("no parameter " + index + " of " + count);
        }
        return (int) le(HEADER + index * lengthSize, lengthSize);
    }

    @Override
    public void copyParam(int index, int from, byte[] target, int offset, int n) {
        int available = paramLength(index);
        if (from < 0 || n < 0 || from > available - n || offset(index) + from + n > length) {
            readOutside = true;
            throw new IndexOutOfBoundsException("bytes " + from + "+" + n + " of parameter " + index + " of " + available);
        }
        System.arraycopy(bytes, offset(index) + from, target, offset, n);
    }

    @Override
    public int pluginId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String asyncEventName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int payloadLength() {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte payloadByte(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void copyPayload(int from, byte[] target, int offset, int n) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String payloadAsString() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ByteBuffer paramBuffer(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ByteBuffer payloadBuffer() {
        throw new UnsupportedOperationException();
    }
}
