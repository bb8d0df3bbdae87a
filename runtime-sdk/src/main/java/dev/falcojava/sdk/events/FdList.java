package dev.falcojava.sdk.events;

import dev.falcojava.sdk.abi.syscall.ParamReader;

/**
 * A list of fds ({@code PT_FDLIST}): a 16-bit count, then per entry a 64-bit fd and 16-bit flags. A reusable object
 * of its view, reset by each read; entries are read from the event on each call.
 */
public final class FdList {

    private ParamReader params;
    private int index;
    private int count;

    void read(ParamReader reader, int param) {
        params = reader;
        index = param;
        int length = reader.length(param);
        if (length < 2) {
            throw reader.malformed(param, "an fd list has at least its 2-byte count, this one " + length + " bytes");
        }
        count = (int) reader.littleEndian(param, 0, 2);
        if (length != 2 + 10 * count) {
            throw reader.malformed(param, "an fd list of " + count + " entries has " + (2 + 10 * count)
                    + " bytes, this one " + length);
        }
    }

    public int count() {
        return count;
    }

    /** The fd of entry {@code entry}. */
    public long fd(int entry) {
        return params.littleEndian(index, offset(entry), 8);
    }

    /** The flags of entry {@code entry}. */
    public int flags(int entry) {
        return (int) params.littleEndian(index, offset(entry) + 8, 2);
    }

    private int offset(int entry) {
        if (entry < 0 || entry >= count) {
            throw new IndexOutOfBoundsException("entry " + entry + " of " + count);
        }
        return 2 + 10 * entry;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append(fd(i)).append(':').append(flags(i));
        }
        return out.append(']').toString();
    }
}
