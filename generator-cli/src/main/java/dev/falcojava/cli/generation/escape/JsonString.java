package dev.falcojava.cli.generation.escape;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Escapes text into the body of a JSON string. */
public final class JsonString {

    private JsonString() {
    }

    public static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
