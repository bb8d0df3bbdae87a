package dev.falcojava.cli.generation.escape;

/** Escapes text for XML element content. */
public final class XmlText {

    private XmlText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            String entity = CommonEscapes.entity(c);
            if (entity != null) {
                out.append(entity);
            } else if (c == '"') {
                out.append("&quot;");
            } else {
                out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
