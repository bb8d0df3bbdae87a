package dev.falcojava.cli.model;

/**
 * One thing wrong with a descriptor, at a position of its file.
 *
 * @param file    the descriptor file as the user named it
 * @param line    1-based line
 * @param column  1-based column
 * @param message the rule broken and how to fix it
 */
public record DescriptorProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
