package dev.falcojava.sdk.api.tables;

/**
 * A field of a table's entries, as {@link Table#fields()} reports it.
 *
 * @param name     the field's name
 * @param type     its type; {@code null} when the host reported a code this SDK does not know
 * @param readOnly whether writes to it are refused
 */
public record FieldInfo(String name, StateType type, boolean readOnly) {
}
