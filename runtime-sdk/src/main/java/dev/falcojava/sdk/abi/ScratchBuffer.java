package dev.falcojava.sdk.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Native memory the host reads after a call returns. It is reused from call to call and only grows, so the
 * steady state allocates nothing; a replaced segment is freed by the garbage collector once unreachable, which
 * is after the host was allowed to read it (the next call of the same function).
 */
public final class ScratchBuffer {

    /**
     * Limit of the events of one batch. Native memory from {@code Arena.ofAuto()} counts against the JVM's
     * direct memory limit (by default the heap size, 64 MiB with the generated options), so limits stay below it.
     */
    public static final long BATCH_LIMIT = 32L << 20;
    /** Limit of one call's other results: extracted values, strings. */
    public static final long RESULT_LIMIT = 16L << 20;

    /** Longest worst case of a string {@link #cString} encodes in one pass. */
    private static final long ONE_PASS_MAX_BYTES = 1L << 20;

    private final String what;
    private final long limit;
    private MemorySegment segment;
    /** The encoder of {@link #cString}, made on its first use. */
    private Utf8Writer utf8;

    /**
     * @param what         what the buffer holds, for the error when it would exceed {@code limit}
     * @param initialBytes its first size
     * @param limit        the most it may grow to
     */
    public ScratchBuffer(String what, long initialBytes, long limit) {
        this.what = what;
        this.limit = limit;
        segment = Arena.ofAuto().allocate(initialBytes, 16);
    }

    /** The current segment, at least {@code bytes} long; contents are not preserved across growth. */
    public MemorySegment reserve(long bytes) {
        if (bytes > segment.byteSize()) {
            segment = Arena.ofAuto().allocate(grownSize(bytes), 16);
        }
        return segment;
    }

    /** Like {@link #reserve} but keeps the first {@code used} bytes. */
    public MemorySegment grow(long bytes, long used) {
        if (bytes > segment.byteSize()) {
            MemorySegment bigger = Arena.ofAuto().allocate(grownSize(bytes), 16);
            MemorySegment.copy(segment, 0, bigger, 0, used);
            segment = bigger;
        }
        return segment;
    }

    public MemorySegment segment() {
        return segment;
    }

    /**
     * Writes {@code s} as a NUL-terminated UTF-8 string at the start and returns its address. A string whose worst
     * case (3 bytes per char) fits {@link #ONE_PASS_MAX_BYTES} is encoded in one pass into room for that worst case;
     * anything longer is measured first.
     */
    public long cString(CharSequence s) {
        if (s instanceof String text && Utf8Writer.maxBytes(text.length()) + 1 <= Math.min(ONE_PASS_MAX_BYTES, limit)) {
            MemorySegment target = reserve(Utf8Writer.maxBytes(text.length()) + 1);
            if (utf8 == null) {
                utf8 = new Utf8Writer();
            }
            target.set(ValueLayout.JAVA_BYTE, utf8.write(text, target, 0), (byte) 0);
            return target.address();
        }
        long length = Utf8.encodedLength(s);
        MemorySegment target = reserve(length + 1);
        long end = Utf8.encode(s, target, 0);
        target.set(ValueLayout.JAVA_BYTE, end, (byte) 0);
        return target.address();
    }

    private long grownSize(long bytes) {
        if (bytes > limit) {
            throw new IllegalStateException(what + " of " + bytes + " bytes exceeds the limit of " + limit + " bytes");
        }
        return Math.min(limit, Math.max(bytes, segment.byteSize() * 2));
    }
}
