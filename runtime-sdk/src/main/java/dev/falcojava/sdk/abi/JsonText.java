package dev.falcojava.sdk.abi;

/** A minimal JSON writer for the small documents the bridge returns (arrays of objects with string members). */
final class JsonText {

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    JsonText beginArray() {
        separate();
        out.append('[');
        first = true;
        return this;
    }

    JsonText endArray() {
        out.append(']');
        first = false;
        return this;
    }

    JsonText beginObject() {
        separate();
        out.append('{');
        first = true;
        return this;
    }

    JsonText endObject() {
        out.append('}');
        first = false;
        return this;
    }

    JsonText member(String name, String value) {
        separate();
        string(name);
        out.append(':');
        string(value);
        first = false;
        return this;
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
