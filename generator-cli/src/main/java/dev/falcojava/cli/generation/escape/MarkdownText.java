package dev.falcojava.cli.generation.escape;

/** Escapes text so Markdown shows it literally, on one line. */
public final class MarkdownText {

    private static final String SPECIALS = "\\`*_{}[]()#+-.!|<>&";

    private MarkdownText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else {
                if (SPECIALS.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
