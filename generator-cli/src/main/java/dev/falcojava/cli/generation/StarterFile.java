package dev.falcojava.cli.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file falco-plugin writes for the user to change, and keeps in step with plugin.yaml for as long as it is
 * unchanged: its first line carries a checksum of the rest, so an edit anywhere (or removing that line) makes it the
 * user's for good.
 */
public final class StarterFile {

    private static final String MARK = "# falco-plugin starter ";
    private static final String TAIL = ": kept in step with plugin.yaml until you edit this file";

    private StarterFile() {
    }

    /** {@code content} with its first line of checksum. */
    public static String stamped(String content) {
        return MARK + checksum(content) + TAIL + "\n" + content;
    }

    /** Whether {@code text} is still exactly what {@link #stamped} wrote. */
    public static boolean untouched(String text) {
        int newline = text.indexOf('\n');
        if (!text.startsWith(MARK) || newline < 0) {
            return false;
        }
        return text.substring(0, newline).equals(MARK + checksum(text.substring(newline + 1)) + TAIL);
    }

    private static String checksum(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
