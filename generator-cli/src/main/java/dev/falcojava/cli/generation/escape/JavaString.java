package dev.falcojava.cli.generation.escape;

/** Escapes text into the body of a Java string literal; everything outside printable ASCII becomes a {@code \}{@code uXXXX} escape. */
public final class JavaString {

    private JavaString() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            String escaped = CommonEscapes.backslash(c);
            if (escaped != null) {
                out.append(escaped);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
