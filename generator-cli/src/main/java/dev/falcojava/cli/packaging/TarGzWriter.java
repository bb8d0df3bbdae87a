package dev.falcojava.cli.packaging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed tar archive (POSIX ustar) of directories and regular files, owned by root, as falcoctl and
 * Docker's {@code ADD} unpack it. Symbolic links are written as the files they point to: falcoctl refuses link entries.
 */
final class TarGzWriter implements AutoCloseable {

    private static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final int PREFIX_LENGTH = 155;

    private final OutputStream out;

    TarGzWriter(Path archive) throws IOException {
        out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(archive)));
    }

    /** A directory entry; {@code name} is relative, with '/' between parts. */
    void directory(String name, long mtimeSeconds) throws IOException {
        out.write(header(name.endsWith("/") ? name : name + "/", 0755, 0, mtimeSeconds, (byte) '5'));
    }

    /** A regular file entry with the content of {@code source}. */
    void file(String name, Path source, int mode) throws IOException {
        long size = Files.size(source);
        out.write(header(name, mode, size, Files.getLastModifiedTime(source).toMillis() / 1000, (byte) '0'));
        try (InputStream in = Files.newInputStream(source)) {
            long copied = in.transferTo(out);
            if (copied != size) {
                throw new IOException(source + " changed while it was archived");
            }
        }
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        out.write(new byte[pad]);
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.close();
    }

    private static byte[] header(String name, int mode, long size, long mtime, byte type) throws IOException {
        byte[] header = new byte[BLOCK];
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (name.startsWith("/") || name.contains("..")) {
            throw new IOException("archive entry '" + name + "' must be a plain relative path");
        }
        if (bytes.length <= NAME_LENGTH) {
            System.arraycopy(bytes, 0, header, 0, bytes.length);
        } else {
            int split = name.lastIndexOf('/', name.length() - 2);
            byte[] prefix = split < 0 ? bytes : name.substring(0, split).getBytes(StandardCharsets.UTF_8);
            byte[] rest = split < 0 ? bytes : name.substring(split + 1).getBytes(StandardCharsets.UTF_8);
            if (split < 0 || prefix.length > PREFIX_LENGTH || rest.length > NAME_LENGTH) {
                throw new IOException("archive entry '" + name + "' is too long for a tar header");
            }
            System.arraycopy(rest, 0, header, 0, rest.length);
            System.arraycopy(prefix, 0, header, 345, prefix.length);
        }
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, mtime);
        header[156] = type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        System.arraycopy("root".getBytes(StandardCharsets.US_ASCII), 0, header, 265, 4);
        System.arraycopy("root".getBytes(StandardCharsets.US_ASCII), 0, header, 297, 4);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        return header;
    }

    /** {@code value} in octal, zero-padded, NUL-terminated, in {@code length} bytes at {@code offset}. */
    private static void octal(byte[] header, int offset, int length, long value) throws IOException {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IOException("value " + value + " does not fit a tar header field");
        }
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }
}
