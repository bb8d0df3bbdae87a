package dev.falcojava.sdk.api.tables;

import java.util.List;

/**
 * A field of type table, such as {@code file_descriptors} of libsinsp's {@code threads}: each entry holds a table of
 * its own (its sub-table), got with {@link Entry#get(SubtableField)}. All the sub-tables of one field share their
 * fields, so a field handle resolved here (during init) is valid on the sub-table of every entry. A table of the
 * plugin's own ({@link Tables#addTable}) gets such a field with {@link Table#addField}; its sub-tables are the
 * plugin's too, and their fields can be added at any time.
 */
public non-sealed interface SubtableField extends TableField {

    /** The type of the sub-tables' keys, as declared with {@link FieldKind#table(StateType)}. */
    StateType keyType();

    /** The fields of the sub-tables; during init only, like {@link Table#fields()}. */
    List<FieldInfo> fields();

    /**
     * The field {@code name} of the sub-tables, which must exist with the type of {@code kind}; during init only.
     *
     * @throws TableException when there is no such field or it has another type
     */
    <F extends TableField> F field(String name, FieldKind<F> kind);

    /**
     * Adds the field {@code name} to the sub-tables of every entry (present and future), or returns it when it was
     * already added with the same type; during init only.
     *
     * @throws TableException when the owner refuses
     */
    <F extends TableField> F addField(String name, FieldKind<F> kind);
}
