package dev.falcojava.sdk.abi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Raw access to host memory by address. Entry points receive addresses as {@code long}s so that reading a
 * host struct allocates nothing; every access goes through one segment that spans the address space.
 */
public final class NativeMemory {

    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    public static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;
    public static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;

    private NativeMemory() {
    }

    public static long u64(long address) {
        return ALL.get(U64, address);
    }

    public static int u32(long address) {
        return ALL.get(U32, address);
    }

    public static int u16(long address) {
        return Short.toUnsignedInt(ALL.get(U16, address));
    }

    public static long pointer(long address) {
        return ALL.get(U64, address);
    }

    public static void putU64(long address, long value) {
        ALL.set(U64, address, value);
    }

    public static void putU32(long address, int value) {
        ALL.set(U32, address, value);
    }

    public static void putU16(long address, short value) {
        ALL.set(U16, address, value);
    }

    public static void putPointer(long address, long value) {
        ALL.set(U64, address, value);
    }

    /** Reads a NUL-terminated UTF-8 string, or returns {@code fallback} for a NULL pointer. */
    public static String string(long address, String fallback) {
        return address == 0 ? fallback : ALL.getString(address);
    }

    public static byte u8(long address) {
        return ALL.get(ValueLayout.JAVA_BYTE, address);
    }
}
