package dev.falcojava.cli.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A text read from a rules file (a condition, an output) with the file position of each of its characters, so that
 * a problem found at an offset of the text is reported where it is in the file, also across folded YAML lines and
 * appended fragments.
 */
public final class SourceText {

    private final String text;
    private final List<Position> positions;
    private final Position end;

    private SourceText(String text, List<Position> positions, Position end) {
        this.text = text;
        this.positions = List.copyOf(positions);
        this.end = end;
    }

    /** A text whose characters sit at {@code positions} (one per UTF-16 char); {@code end} is just after it. */
    public static SourceText of(String text, List<Position> positions, Position end) {
        if (positions.size() != text.length()) {
            throw new IllegalArgumentException("one position per character");
        }
        return new SourceText(text, positions, end);
    }

    /** A text all of whose characters are reported at {@code at}. */
    public static SourceText at(String text, Position at) {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            positions.add(at);
        }
        return new SourceText(text, positions, at);
    }

    public String text() {
        return text;
    }

    /** Where the character at {@code offset} is; past the end, just after the last one. */
    public Position positionAt(int offset) {
        if (offset >= 0 && offset < positions.size()) {
            return positions.get(offset);
        }
        return end;
    }

    /** This text, a separator, then {@code other}: what Falco compiles for {@code append}. */
    public SourceText append(String separator, SourceText other) {
        List<Position> joined = new ArrayList<>(positions);
        Position glue = other.positionAt(0);
        for (int i = 0; i < separator.length(); i++) {
            joined.add(glue);
        }
        joined.addAll(other.positions);
        return new SourceText(text + separator + other.text, joined, other.end);
    }

    /** {@code prefix}, this text, then {@code suffix}; the added characters are reported at this text's start. */
    public SourceText wrap(String prefix, String suffix) {
        List<Position> wrapped = new ArrayList<>();
        Position start = positionAt(0);
        for (int i = 0; i < prefix.length(); i++) {
            wrapped.add(start);
        }
        wrapped.addAll(positions);
        for (int i = 0; i < suffix.length(); i++) {
            wrapped.add(end);
        }
        return new SourceText(prefix + text + suffix, wrapped, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
