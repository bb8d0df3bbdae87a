package dev.falcojava.cli.model;

import java.util.Arrays;
import java.util.List;

/** The kinds of {@link Capability}, by the keys plugin.yaml and the command line name them, in plugin.yaml's order. */
public enum CapabilityKind {
    SOURCE("source"),
    EXTRACT("extract"),
    PARSE("parse"),
    ASYNC("async"),
    CAPTURE_LISTEN("capture-listen");

    private final String key;

    CapabilityKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }

    /** Every key, in plugin.yaml's order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(CapabilityKind::key).toList();
    }

    /**
     * The kind {@code key} names (spaces around it ignored).
     *
     * @throws IllegalArgumentException naming the known keys for any other
     */
    public static CapabilityKind of(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown capability '" + key + "' (known: "
                        + String.join(", ", keys()) + ")"));
    }
}
