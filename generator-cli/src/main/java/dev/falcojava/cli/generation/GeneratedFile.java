package dev.falcojava.cli.generation;

import java.nio.file.Path;

/**
 * A file of a generated project.
 *
 * @param path      relative to the project directory
 * @param content   the file's text
 * @param ownership whether the generator may rewrite it
 */
public record GeneratedFile(Path path, String content, Ownership ownership) {

    /** Who owns a generated file. */
    public enum Ownership {
        /** Derived from plugin.yaml: rewritten on every generation. */
        DERIVED,
        /** The user's: written only when the project is created. */
        USER,
        /**
         * The user's once edited: written when the project is created, and rewritten from plugin.yaml while it is
         * unchanged ({@link StarterFile}).
         */
        STARTER
    }
}
