package dev.falcojava.cli.model;

import java.util.List;

/**
 * A table the plugin uses, of the host or of another plugin, looked up at init.
 *
 * @param name    the table's name in the host, for example {@code threads}
 * @param keyType the type of its keys
 * @param fields  the fields the plugin reads or writes, and those it adds
 */
public record TableSpec(String name, TableType keyType, List<TableFieldSpec> fields) {

    public TableSpec {
        fields = List.copyOf(fields);
    }
}
