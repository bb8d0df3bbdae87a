package dev.falcojava.maven;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line to a consumer (Maven's log), without its line break. */
final class LineWriter extends Writer {

    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    @Override
    public void flush() {
    }

    /** Hands on a last line that had no line break. */
    @Override
    public void close() {
        if (!pending.isEmpty()) {
            emit();
        }
    }

    private void emit() {
        lines.accept(pending.toString());
        pending.setLength(0);
    }
}
