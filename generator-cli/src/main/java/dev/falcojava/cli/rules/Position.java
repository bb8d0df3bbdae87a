package dev.falcojava.cli.rules;

/**
 * A place in a rules file.
 *
 * @param file   the file as the user named it
 * @param line   1-based line
 * @param column 1-based column
 */
public record Position(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
