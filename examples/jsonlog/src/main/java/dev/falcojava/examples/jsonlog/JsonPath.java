package dev.falcojava.examples.jsonlog;

import com.fasterxml.jackson.core.JsonPointer;

/** The paths fields take as argument: keys separated by dots, array indexes as numbers ({@code tags.0}). */
final class JsonPath {

    private JsonPath() {
    }

    static JsonPointer pointer(String path) {
        StringBuilder pointer = new StringBuilder();
        for (String key : path.split("\\.", -1)) {
            pointer.append('/').append(key.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(pointer.toString());
    }
}
