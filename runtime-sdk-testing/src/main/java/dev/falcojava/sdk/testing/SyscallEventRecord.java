package dev.falcojava.sdk.testing;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.falcojava.sdk.abi.Layouts.EVENT_TID;
import static dev.falcojava.sdk.abi.Layouts.EVENT_TYPE;

/**
 * A system call event made by a test with {@link SyscallEventBuilder}: the whole event as the driver lays it out
 * (header, parameter lengths, parameters), which the harness passes with the event source {@code syscall}.
 *
 * @param number the number the host gives the event
 * @param bytes  the event, header included
 */
public record SyscallEventRecord(long number, byte[] bytes) implements HarnessEvent {

    public SyscallEventRecord {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The event type code of the header. */
    public int type() {
        return Short.toUnsignedInt(MemorySegment.ofArray(bytes).get(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE));
    }

    @Override
    public long threadId() {
        return MemorySegment.ofArray(bytes).get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID);
    }

    /** This event numbered {@code number}. */
    public SyscallEventRecord withNumber(long number) {
        return new SyscallEventRecord(number, bytes);
    }
}
