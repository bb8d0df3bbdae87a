package dev.falcojava.sdk.api;

/**
 * A field the plugin exports for Falco rule conditions and outputs.
 *
 * @param name        the full field name, for example {@code dummy.value}
 * @param type        the value type
 * @param description what the field means
 */
public record FieldDefinition(String name, FieldType type, String description) {
}
