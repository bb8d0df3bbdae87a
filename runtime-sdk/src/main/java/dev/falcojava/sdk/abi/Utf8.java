package dev.falcojava.sdk.abi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** UTF-8 encoding of Java strings straight into native memory, without intermediate arrays. */
public final class Utf8 {

    private Utf8() {
    }

    /** Number of bytes {@link #encode} writes for {@code s}, not counting a terminator. */
    public static long encodedLength(CharSequence s) {
        int n = s.length();
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /**
     * Encodes {@code s} at {@code offset} of {@code target}; an unpaired surrogate becomes {@code '?'} as in
     * {@link String#getBytes}. Returns the offset after the last byte written.
     */
    public static long encode(CharSequence s, MemorySegment target, long offset) {
        int n = s.length();
        long p = offset;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                target.set(ValueLayout.JAVA_BYTE, p++, (byte) c);
            } else if (c < 0x800) {
                target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0xC0 | (c >> 6)));
                target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0x80 | (c & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    p = encodeCodePoint(Character.toCodePoint(c, s.charAt(++i)), target, p);
                } else {
                    target.set(ValueLayout.JAVA_BYTE, p++, (byte) '?');
                }
            } else {
                p = encodeCodePoint(c, target, p);
            }
        }
        return p;
    }

    private static long encodeCodePoint(int cp, MemorySegment target, long p) {
        if (cp < 0x10000) {
            target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0xE0 | (cp >> 12)));
        } else {
            target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0xF0 | (cp >> 18)));
            target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
        }
        target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
        target.set(ValueLayout.JAVA_BYTE, p++, (byte) (0x80 | (cp & 0x3F)));
        return p;
    }
}
