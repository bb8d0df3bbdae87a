package dev.falcojava.cli.model;

import java.util.List;

/**
 * A table the plugin uses, of the host or of another plugin, looked up at init; or one it exports.
 *
 * @param name    the table's name in the host, for example {@code threads}
 * @param keyType the type of its keys
 * @param fields  the fields the plugin reads or writes, and those it adds (every field of an exported table)
 * @param export  whether the plugin creates the table at init and registers it in the host, for other plugins
 */
public record TableSpec(String name, TableType keyType, List<TableFieldSpec> fields, boolean export) {

    public TableSpec {
        fields = List.copyOf(fields);
    }

    /** A table of the host or of another plugin, looked up at init. */
    public TableSpec(String name, TableType keyType, List<TableFieldSpec> fields) {
        this(name, keyType, fields, false);
    }
}
