package dev.falcojava.cli.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader sees the old content or the new one, never half of it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code content} into a temporary file beside {@code path}, then moves it over {@code path}. */
    public static void write(Path path, String content) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path staging = Files.createTempFile(path.toAbsolutePath().getParent(), "." + path.getFileName(), ".tmp");
        try {
            Files.writeString(staging, content, StandardCharsets.UTF_8);
            move(staging, path);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** Moves {@code from} to {@code to} in one step where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
