package dev.falcojava.cli.generation.escape;

/** Writes text as a double-quoted YAML scalar (with the quotes). */
public final class YamlString {

    private YamlString() {
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('"');
        for (char c : text.toCharArray()) {
            String escaped = CommonEscapes.backslash(c);
            if (escaped != null) {
                out.append(escaped);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
