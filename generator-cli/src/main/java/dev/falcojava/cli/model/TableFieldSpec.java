package dev.falcojava.cli.model;

import java.util.List;

/**
 * A field of a table the plugin uses.
 *
 * @param name        the field's name in the table
 * @param type        its type
 * @param add         whether the plugin adds the field to the table at init (otherwise it must exist)
 * @param description what the plugin keeps in it, for the generated Javadoc; may be empty
 * @param subtable    for a field of type table, the key and fields of its sub-tables; {@code null} otherwise
 */
public record TableFieldSpec(String name, TableType type, boolean add, String description, Subtable subtable) {

    /** A field of a type other than table. */
    public TableFieldSpec(String name, TableType type, boolean add, String description) {
        this(name, type, add, description, null);
    }

    /**
     * The sub-tables of a field of type table, such as {@code file_descriptors} of {@code threads}.
     *
     * @param keyType the type of their keys
     * @param fields  the fields of theirs the plugin reads or writes, and those it adds
     */
    public record Subtable(TableType keyType, List<TableFieldSpec> fields) {

        public Subtable {
            fields = List.copyOf(fields);
        }
    }
}
