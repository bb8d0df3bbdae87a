package dev.falcojava.sdk.abi.syscall;

import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.events.MalformedEventException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes the parameters of one event type from a {@link PluginEvent}, as the driver lays them out: little-endian
 * numbers of the type's width, NUL-terminated strings, raw buffers. Every read is checked against the parameter's
 * length before a byte is copied, and every failure, the event's own included, becomes a
 * {@link MalformedEventException} that names the event type and the parameter. Numbers go through one reused
 * scratch array: reading them allocates nothing.
 */
public final class ParamReader {

    private final int code;
    private final String typeName;
    private final String[] names;
    private final byte[] scratch = new byte[8];
    private PluginEvent event;

    public ParamReader(int code, String typeName, String[] names) {
        this.code = code;
        this.typeName = typeName;
        this.names = names.clone();
    }

    /** Points the reader at {@code event}, which must be of this reader's type. */
    public void reset(PluginEvent event) {
        this.event = event;
    }

    public PluginEvent event() {
        if (event == null) {
            throw new IllegalStateException(typeName + ": the view has not read an event yet");
        }
        return event;
    }

    /** The length in bytes of parameter {@code index}, which the event must have. */
    public int length(int index) {
        PluginEvent current = event();
        int count;
        int length;
        try {
            count = current.paramCount();
            if (index >= count) {
                throw malformed(index, "missing: the event has " + count + " parameters, the type "
                        + names.length);
            }
            length = current.paramLength(index);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed(index, e.getMessage());
        }
        if (length < 0) {
            throw malformed(index, "negative length " + length);
        }
        return length;
    }

    /** Copies {@code length} bytes of parameter {@code index} from {@code from} into {@code target}. */
    public void copy(int index, int from, byte[] target, int offset, int length) {
        int available = length(index);
        if (from < 0 || length < 0 || from > available - length) {
            throw malformed(index, "needs bytes " + from + ".." + ((long) from + length) + " of its " + available);
        }
        try {
            event().copyParam(index, from, target, offset, length);
        } catch (RuntimeException e) {
            throw malformed(index, e.getMessage());
        }
    }

    private long fixed(int index, int width) {
        int length = length(index);
        if (length != width) {
            throw malformed(index, "has " + length + " bytes, its type " + width);
        }
        return littleEndian(index, 0, width);
    }

    /** The {@code width}-byte little-endian number at {@code from} in parameter {@code index}. */
    public long littleEndian(int index, int from, int width) {
        copy(index, from, scratch, 0, width);
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (scratch[i] & 0xffL);
        }
        return value;
    }

    public int s8(int index) {
        return (byte) fixed(index, 1);
    }

    public int s16(int index) {
        return (short) fixed(index, 2);
    }

    public int s32(int index) {
        return (int) fixed(index, 4);
    }

    public long s64(int index) {
        return fixed(index, 8);
    }

    public int u8(int index) {
        return (int) fixed(index, 1);
    }

    public int u16(int index) {
        return (int) fixed(index, 2);
    }

    public long u32(int index) {
        return fixed(index, 4);
    }

    public long u64(int index) {
        return fixed(index, 8);
    }

    /** A NUL-terminated string parameter up to its first NUL; empty when the parameter is empty. */
    public String string(int index) {
        return string(index, 0);
    }

    /** The NUL-terminated string that starts at {@code from} in parameter {@code index}, up to its first NUL. */
    public String string(int index, int from) {
        int length = length(index);
        if (from >= length) {
            return "";
        }
        byte[] bytes = new byte[length - from];
        copy(index, from, bytes, 0, bytes.length);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    public Path path(int index) {
        return Path.of(string(index));
    }

    public byte[] bytes(int index) {
        byte[] bytes = new byte[length(index)];
        copy(index, 0, bytes, 0, bytes.length);
        return bytes;
    }

    /** A failure of parameter {@code index} of this event type, naming both. */
    public MalformedEventException malformed(int index, String why) {
        String param = index >= 0 && index < names.length ? names[index] : "#" + index;
        return new MalformedEventException(typeName, param, typeName + " (code " + code + "), parameter " + index
                + " '" + param + "': " + why);
    }
}
