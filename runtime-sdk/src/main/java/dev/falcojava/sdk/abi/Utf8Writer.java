package dev.falcojava.sdk.abi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Writes Java strings into native memory as UTF-8 in one pass, through reused arrays: the chars are copied out in
 * bulk, the JDK's UTF-8 encoder (vectorized for ASCII) encodes them into a byte array, and the bytes go into the
 * segment in one copy. It allocates only when a string longer than any before comes, so steady state allocates
 * nothing, whatever the characters. An unpaired surrogate becomes {@code '?'}, as in {@link String#getBytes}.
 * Not thread-safe: one per plugin state.
 */
public final class Utf8Writer {

    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {'?'});
    private char[] chars = new char[0];
    private byte[] bytes = new byte[0];
    private CharBuffer in = CharBuffer.wrap(chars);
    private ByteBuffer out = ByteBuffer.wrap(bytes);

    /** The most bytes {@link #write} writes for a string of {@code length} chars. */
    public static long maxBytes(int length) {
        return 3L * length;
    }

    /** Writes {@code s} at {@code offset} of {@code target}, which has room for {@link #maxBytes}; returns the end. */
    public long write(String s, MemorySegment target, long offset) {
        int n = s.length();
        if (n > chars.length) {
            chars = new char[Math.max(n, Math.max(64, chars.length * 2))];
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, maxBytes(chars.length))];
            in = CharBuffer.wrap(chars);
            out = ByteBuffer.wrap(bytes);
        }
        s.getChars(0, n, chars, 0);
        in.limit(n).position(0);
        out.clear();
        encoder.reset();
        encoder.encode(in, out, true);
        encoder.flush(out);
        int length = out.position();
        MemorySegment.copy(bytes, 0, target, ValueLayout.JAVA_BYTE, offset, length);
        return offset + length;
    }
}
