package dev.falcojava.sdk.api.tables;

/** A field of type {@code int64} or {@code uint64} (an unsigned value is the same 64 bits in a {@code long}). */
public non-sealed interface LongField extends TableField {
}
