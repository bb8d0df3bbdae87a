package dev.falcojava.cli.model;

/**
 * A field of a table the plugin uses.
 *
 * @param name        the field's name in the table
 * @param type        its type
 * @param add         whether the plugin adds the field to the table at init (otherwise it must exist)
 * @param description what the plugin keeps in it, for the generated Javadoc; may be empty
 */
public record TableFieldSpec(String name, TableType type, boolean add, String description) {
}
