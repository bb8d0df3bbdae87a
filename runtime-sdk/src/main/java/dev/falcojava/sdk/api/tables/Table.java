package dev.falcojava.sdk.api.tables;

import java.util.List;

/**
 * A table of the host or of a plugin, keyed by integers or strings.
 *
 * <p>For a table of the host (or of another plugin), the plugin API decides when each operation is allowed:
 * fields are listed, looked up and added during {@code init} only; entries are read during init,
 * {@code parse_event}, {@code extract_fields} and capture open/close; they are written, added and erased during
 * init, {@code parse_event} and capture open/close, never during {@code extract_fields}. Anything else throws an
 * {@link IllegalStateException} saying so. A table the plugin created with {@link Tables#addTable} is its own Java
 * data: every operation is allowed at any time.
 */
public interface Table {

    /** The table's name. */
    String name();

    /** The type of its keys. */
    StateType keyType();

    /** Every field of the table's entries, the ones added by plugins included. */
    List<FieldInfo> fields();

    /**
     * The field {@code name}, which must exist with the type of {@code kind}.
     *
     * @throws TableException when there is no such field or it has another type
     */
    <F extends TableField> F field(String name, FieldKind<F> kind);

    /**
     * Adds the field {@code name} to every entry of the table (present and future), or returns it when it was
     * already added with the same type.
     *
     * @throws TableException when the owner refuses (a field of the owner's with that name, another type, ...)
     */
    <F extends TableField> F addField(String name, FieldKind<F> kind);

    /** The number of entries. */
    long size();

    /** The entry of an integer {@code key}, or {@code null} when there is none. */
    Entry get(long key);

    /** The entry of a string {@code key}, or {@code null} when there is none. */
    Entry get(String key);

    /**
     * Calls {@code visitor} for each entry, until it returns {@code false}. An exception thrown by the visitor stops
     * the iteration and is rethrown.
     *
     * @return {@code false} when the visitor stopped the iteration
     */
    boolean forEach(EntryVisitor visitor);

    /** Adds an entry with an integer {@code key}, replacing the entry of that key if any; its fields are unset. */
    Entry add(long key);

    /** Adds an entry with a string {@code key}, replacing the entry of that key if any; its fields are unset. */
    Entry add(String key);

    /**
     * Erases the entry of an integer {@code key}.
     *
     * @throws TableException when the owner refuses, for example because there is no such entry
     */
    void erase(long key);

    /** Erases the entry of a string {@code key}; see {@link #erase(long)}. */
    void erase(String key);

    /** Erases every entry. */
    void clear();
}
