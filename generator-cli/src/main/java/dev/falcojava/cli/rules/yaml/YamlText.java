package dev.falcojava.cli.rules.yaml;

import dev.falcojava.cli.rules.Position;
import dev.falcojava.cli.rules.SourceText;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one YAML file, to find where each character of a scalar's value is: a folded or plain scalar loses
 * its line breaks and indentation, a quoted one its escapes, so the value is matched back onto the scalar's source.
 */
final class YamlText {

    private final String file;
    private final int[] codePoints;
    private final int[] lines;
    private final int[] columns;

    YamlText(String file, String text) {
        this.file = file;
        this.codePoints = text.codePoints().toArray();
        this.lines = new int[codePoints.length + 1];
        this.columns = new int[codePoints.length + 1];
        int line = 1;
        int column = 1;
        for (int i = 0; i < codePoints.length; i++) {
            lines[i] = line;
            columns[i] = column;
            boolean lineBreak = codePoints[i] == '\n' || codePoints[i] == '\r'
                    && (i + 1 == codePoints.length || codePoints[i + 1] != '\n');
            if (lineBreak) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        lines[codePoints.length] = line;
        columns[codePoints.length] = column;
    }

    Position position(Mark mark) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    Position position(Node node) {
        return position(node.getStartMark());
    }

    /** The scalar's value with the position of each of its characters. */
    SourceText sourceText(ScalarNode node) {
        String value = node.getValue();
        int start = Math.min(node.getStartMark().getIndex(), codePoints.length);
        int end = Math.min(node.getEndMark().getIndex(), codePoints.length);
        List<Position> positions = new ArrayList<>(value.length());
        int raw = start;
        int last = start;
        for (int offset = 0; offset < value.length(); ) {
            int c = value.codePointAt(offset);
            int found = find(c, raw, end);
            if (found >= 0) {
                last = found;
                raw = found + 1;
            }
            Position at = at(last);
            positions.add(at);
            if (Character.charCount(c) == 2) {
                positions.add(at);
            }
            offset += Character.charCount(c);
        }
        Position after = value.isEmpty() ? at(start) : at(Math.min(last + 1, codePoints.length));
        return SourceText.of(value, positions, after);
    }

    /** The first raw index from {@code from} holding {@code c}; a white space of the value matches any white space. */
    private int find(int c, int from, int end) {
        boolean blank = c == ' ' || c == '\n' || c == '\t';
        for (int i = from; i < end; i++) {
            int raw = codePoints[i];
            if (raw == c || blank && (raw == ' ' || raw == '\n' || raw == '\r' || raw == '\t')) {
                return i;
            }
        }
        return -1;
    }

    private Position at(int index) {
        return new Position(file, lines[index], columns[index]);
    }
}
