package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.FieldType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields {@code falco-plugin new} declares for a new extract plugin, each with a working implementation in
 * the generated user class (the templates hold the code; this enum only recognizes the fields).
 */
public enum StarterField {
    COUNT("count", FieldType.UINT64, "The number of the event"),
    MESSAGE("message", FieldType.STRING, "The event payload as text"),
    EVEN("even", FieldType.BOOL, "Whether the event number is even");

    private final String suffix;
    private final FieldType type;
    private final String description;

    StarterField(String suffix, FieldType type, String description) {
        this.suffix = suffix;
        this.type = type;
        this.description = description;
    }

    /** The starter fields of a plugin whose fields start with {@code prefix} (for example {@code demo.}). */
    public static List<FieldSpec> fields(String prefix) {
        return Arrays.stream(values()).map(starter -> new FieldSpec(prefix + starter.suffix, starter.type, starter.description)).toList();
    }

    /** Which starter field {@code field} is, if it is one. */
    public static Optional<StarterField> of(FieldSpec field, String prefix) {
        return Arrays.stream(values())
                .filter(starter -> field.name().equals(prefix + starter.suffix) && field.type() == starter.type)
                .findFirst();
    }
}
