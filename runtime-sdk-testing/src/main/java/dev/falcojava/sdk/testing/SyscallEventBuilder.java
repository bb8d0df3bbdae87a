package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.events.EventTypes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * Builds a system call event for a {@link PluginHarness}, laid out as the driver lays it out, so that a plugin
 * reads it through the SDK's typed views ({@code SyscallEvents}) as it reads Falco's. The parameters are appended
 * in the order of the event table (docs/events.md), each with the width of its type:
 *
 * <pre>{@code
 * SyscallEventRecord open = SyscallEventBuilder.of("openat_x").threadId(1001)
 *         .int64(3).int64(-100).string("/etc/app.conf").int32(2).int32(0).int32(2049).int64(131).build();
 * SyscallEventRecord write = SyscallEventBuilder.of("write_x").threadId(1001)
 *         .int64(100).bytes(new byte[] {'h', 'i'}).int64(3).int32(100).build();
 * }</pre>
 *
 * <p>The builder checks the type name against the SDK's event table and writes parameter lengths of the width the
 * table gives the type; the number and types of the parameters are the test's to get right, as they are the
 * driver's: a view refuses an event with the wrong count or lengths, which makes the plugin's call fail.
 */
public final class SyscallEventBuilder {

    private final int type;
    private final List<byte[]> params = new ArrayList<>();
    private long number = 1;
    private long timestamp = 1;
    private long threadId = -1;

    private SyscallEventBuilder(int type) {
        this.type = type;
    }

    /**
     * An event of the type named {@code typeName} in the SDK's event table, such as {@code openat_x}.
     *
     * @throws IllegalArgumentException when the table has no such type
     */
    public static SyscallEventBuilder of(String typeName) {
        int code = EventTypes.code(typeName);
        if (code < 0) {
            throw new IllegalArgumentException("the event table has no event type " + typeName);
        }
        return new SyscallEventBuilder(code);
    }

    /** The number the host gives the event (default 1). */
    public SyscallEventBuilder number(long number) {
        this.number = number;
        return this;
    }

    /** The timestamp of the header, in nanoseconds since the epoch (default 1). */
    public SyscallEventBuilder timestamp(long timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    /** The thread id of the header (default {@code -1}, no thread). */
    public SyscallEventBuilder threadId(long threadId) {
        this.threadId = threadId;
        return this;
    }

    /** An 8-byte parameter: {@code FD}, {@code ERRNO}, {@code PID}, {@code INT64}, {@code UINT64}, times. */
    public SyscallEventBuilder int64(long value) {
        return param(littleEndian(value, 8));
    }

    /** A 4-byte parameter: {@code INT32}, {@code UINT32}, {@code FLAGS32}, {@code MODE}, {@code UID}, {@code GID}. */
    public SyscallEventBuilder int32(int value) {
        return param(littleEndian(value, 4));
    }

    /** A 2-byte parameter: {@code INT16}, {@code UINT16}, {@code FLAGS16}, {@code SYSCALLID}. */
    public SyscallEventBuilder int16(int value) {
        return param(littleEndian(value, 2));
    }

    /** A 1-byte parameter: {@code UINT8}, {@code FLAGS8}, {@code SIGTYPE}. */
    public SyscallEventBuilder int8(int value) {
        return param(littleEndian(value, 1));
    }

    /** A NUL-terminated UTF-8 parameter: {@code CHARBUF}, {@code FSPATH}, {@code FSRELPATH}. */
    public SyscallEventBuilder string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, terminated, 0, utf8.length);
        return param(terminated);
    }

    /** A parameter of these bytes as they are: {@code BYTEBUF}, or any type written by the test itself. */
    public SyscallEventBuilder bytes(byte[] value) {
        return param(value.clone());
    }

    /** The event. */
    public SyscallEventRecord build() {
        int lengthWidth = EventTypes.largePayload(type) ? 4 : 2;
        long total = EVENT_HEADER_SIZE + (long) lengthWidth * params.size();
        for (byte[] param : params) {
            if (lengthWidth == 2 && param.length > 0xffff) {
                throw new IllegalArgumentException("a parameter of " + param.length + " bytes does not fit a 16-bit length");
            }
            total += param.length;
        }
        MemorySegment event = MemorySegment.ofArray(new byte[Math.toIntExact(total)]);
        event.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TS, timestamp);
        event.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID, threadId);
        event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_LEN, (int) total);
        event.set(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE, (short) type);
        event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_NPARAMS, params.size());
        long at = EVENT_HEADER_SIZE;
        for (byte[] param : params) {
            MemorySegment.copy(littleEndian(param.length, lengthWidth), 0, event, ValueLayout.JAVA_BYTE, at, lengthWidth);
            at += lengthWidth;
        }
        for (byte[] param : params) {
            MemorySegment.copy(param, 0, event, ValueLayout.JAVA_BYTE, at, param.length);
            at += param.length;
        }
        return new SyscallEventRecord(number, event.toArray(ValueLayout.JAVA_BYTE));
    }

    private SyscallEventBuilder param(byte[] bytes) {
        params.add(bytes);
        return this;
    }

    private static byte[] littleEndian(long value, int width) {
        byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }
}
