package dev.falcojava.sdk.api.tables;

/**
 * A handle to one field of a table, resolved once (during init for the host's tables) and then used to read and
 * write that field of any entry of the same table. Its subtype fixes the Java type of the values.
 */
public sealed interface TableField permits LongField, IntField, BoolField, StringField, SubtableField {

    /** The field's name. */
    String name();

    /** The field's type in the table. */
    StateType type();
}
