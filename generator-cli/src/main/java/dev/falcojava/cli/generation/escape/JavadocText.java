package dev.falcojava.cli.generation.escape;

/**
 * Escapes text for a Javadoc comment: HTML specials as entities, and the characters that could end the comment
 * ({@code * /}), start a Unicode escape ({@code \}) or a tag ({@code @}) as entities too; line breaks become spaces.
 */
public final class JavadocText {

    private JavadocText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            String entity = CommonEscapes.entity(c);
            if (entity != null) {
                out.append(entity);
                continue;
            }
            switch (c) {
                case '/' -> out.append("&#47;");
                case '\\' -> out.append("&#92;");
                case '@' -> out.append("&#64;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
