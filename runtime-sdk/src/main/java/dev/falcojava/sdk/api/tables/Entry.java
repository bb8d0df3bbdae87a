package dev.falcojava.sdk.api.tables;

/**
 * One entry of a table. An entry of a host's table is valid until the end of the plugin call that got it (the SDK
 * releases it then): never keep one across calls. Reads and writes of numbers and booleans allocate nothing.
 *
 * <p>A field handle must come from the same table; a write the owner refuses (a read-only field, for example)
 * throws a {@link TableException} with the owner's reason.
 */
public interface Entry {

    /** The table this entry belongs to. */
    Table table();

    long get(LongField field);

    int get(IntField field);

    boolean get(BoolField field);

    /** The field's text; an unset string field reads as {@code ""}. */
    String get(StringField field);

    /**
     * The sub-table this entry holds in a field of type table; like the entry, valid until the end of the call.
     * Its fields are the handles resolved on {@code field} during init.
     */
    Table get(SubtableField field);

    void set(LongField field, long value);

    /** Sets an integer field; a value outside the range of an 8- or 16-bit field is refused. */
    void set(IntField field, int value);

    void set(BoolField field, boolean value);

    /** Sets a string field; {@code null} and text containing NUL are refused. */
    void set(StringField field, String value);
}
