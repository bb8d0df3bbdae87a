package dev.falcojava.sdk.api;

import java.util.Objects;

/**
 * A field the plugin exports for Falco rule conditions and outputs.
 *
 * @param name        the full field name, for example {@code dummy.value}
 * @param type        the value type
 * @param list        whether the field has a list of values
 * @param argument    whether it takes an argument, and of which kind
 * @param description what the field means
 */
public record FieldDefinition(String name, FieldType type, boolean list, FieldArgument argument, String description) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(description, "description");
    }

    /** A single-valued field without argument. */
    public FieldDefinition(String name, FieldType type, String description) {
        this(name, type, false, FieldArgument.NONE, description);
    }
}
