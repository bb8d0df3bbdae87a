package dev.falcojava.cli.model;

/**
 * A field of the extraction capability.
 *
 * @param name        the full name, for example {@code demo.count}
 * @param type        its value type
 * @param description what it means (shown by {@code falco --list})
 */
public record FieldSpec(String name, FieldType type, String description) {
}
