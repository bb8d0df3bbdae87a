package dev.falcojava.sdk.api.tables;

/**
 * A field of type {@code int8}, {@code int16}, {@code int32}, {@code uint8}, {@code uint16} or {@code uint32}.
 * Narrow types are widened to {@code int} (sign- or zero-extended); a {@code uint32} is the same 32 bits in an
 * {@code int} ({@link Integer#toUnsignedLong} gives its value). Writing a value that does not fit a narrow type
 * fails.
 */
public non-sealed interface IntField extends TableField {
}
