package dev.falcojava.cli.generation.escape;

/** Escapes shared by several target languages. */
final class CommonEscapes {

    private CommonEscapes() {
    }

    /** The backslash escape of {@code c} in C-like string literals (Java, YAML double quotes), or null. */
    static String backslash(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '"' -> "\\\"";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> null;
        };
    }

    /** The entity of {@code c} in HTML and XML text, or null. */
    static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> null;
        };
    }
}
