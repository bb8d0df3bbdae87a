package dev.falcojava.sdk.testing;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The harness's reads and writes of plugin memory by address, as a host does them. */
final class HostMemory {

    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private HostMemory() {
    }

    static int u32(long address) {
        return ALL.get(ValueLayout.JAVA_INT_UNALIGNED, address);
    }

    static long pointer(long address) {
        return ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
    }

    static void putU64(long address, long value) {
        ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, address, value);
    }

    static void putU32(long address, int value) {
        ALL.set(ValueLayout.JAVA_INT_UNALIGNED, address, value);
    }

    /** A NUL-terminated UTF-8 string, or {@code fallback} for a NULL pointer. */
    static String string(long address, String fallback) {
        return address == 0 ? fallback : ALL.getString(address);
    }
}
