package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JavadocText;
import dev.falcojava.cli.model.Names;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.model.TableFieldSpec;
import dev.falcojava.cli.model.TableSpec;
import dev.falcojava.cli.model.TableType;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of plugin.yaml as the templates see them: the generated class holding one typed accessor per table.
 *
 * @param className the generated class, {@code <Name>Tables}
 * @param list      one view per table
 */
public record TablesView(String className, List<Table> list) {

    public boolean present() {
        return !list.isEmpty();
    }

    /** A table: its names in Java, its key, its fields, and whether the plugin exports it (creates it at init). */
    public record Table(String jName, String docName, String yamlKeyType, String keyConstant, String keyJavaType,
                        String className, String javaName, List<Field> fields, boolean export) {
    }

    /**
     * A field: its handle, and the names of its getter and setter; for a field of type table, {@code sub} is the
     * typed access to its sub-tables ({@code <Field>Subtable}), and the getter returns the entry's sub-table.
     */
    public record Field(String jName, String docName, String yamlType, String kindConstant, String handleType,
                        String javaType, String javaName, String setter, boolean add, String docDescription, Table sub) {
        public boolean described() {
            return !docDescription.isEmpty();
        }

        public boolean plain() {
            return sub == null;
        }
    }

    static TablesView of(PluginDescriptor d) {
        List<Table> tables = new ArrayList<>();
        for (TableSpec table : d.tables()) {
            tables.add(table(table.name(), table.keyType(), table.fields(), Names.upperCamel(table.name()), table.export()));
        }
        return new TablesView(Names.upperCamel(d.name()) + "Tables", tables);
    }

    private static Table table(String name, TableType keyType, List<TableFieldSpec> specs, String className, boolean export) {
        List<Field> fields = new ArrayList<>();
        for (TableFieldSpec field : specs) {
            String javaName = Names.lowerCamel(field.name());
            Table sub = null;
            String kind = field.type().sdkConstant();
            if (field.subtable() != null) {
                sub = table(field.name(), field.subtable().keyType(), field.subtable().fields(),
                        Names.upperCamel(field.name()) + "Subtable", export);
                kind = "table(StateType." + field.subtable().keyType().sdkConstant() + ")";
            }
            fields.add(new Field(JavaString.escape(field.name()), JavadocText.escape(field.name()), field.type().yamlName(),
                    kind, field.type().handleType(), field.type().javaType(), javaName,
                    "set" + Names.upperCamel(field.name()), field.add(), JavadocText.escape(field.description()), sub));
        }
        return new Table(JavaString.escape(name), JavadocText.escape(name), keyType.yamlName(), keyType.sdkConstant(),
                keyType == TableType.STRING ? "String" : "long", className, Names.lowerCamel(name), fields, export);
    }
}
