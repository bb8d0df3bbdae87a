package dev.falcojava.cli.generation.escape;

import java.nio.charset.StandardCharsets;

/**
 * Escapes text into the body of a C string literal. Every byte outside printable ASCII becomes a three-digit
 * octal escape of its UTF-8 encoding, so any Unicode text comes back byte for byte from the compiled constant.
 */
public final class CString {

    private CString() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '?' -> out.append("\\?");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append((char) c);
                    } else {
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    }
                }
            }
        }
        return out.toString();
    }
}
