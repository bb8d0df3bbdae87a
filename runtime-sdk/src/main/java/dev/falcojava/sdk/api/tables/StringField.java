package dev.falcojava.sdk.api.tables;

/** A field of type {@code string}: UTF-8 text without NUL characters. */
public non-sealed interface StringField extends TableField {
}
