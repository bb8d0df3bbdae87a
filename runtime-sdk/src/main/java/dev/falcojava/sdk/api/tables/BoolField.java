package dev.falcojava.sdk.api.tables;

/** A field of type {@code bool}. */
public non-sealed interface BoolField extends TableField {
}
