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

    /** A table: its names in Java, its key, its fields. */
    public record Table(String jName, String docName, String yamlKeyType, String keyConstant, String keyJavaType,
                        String className, String javaName, List<Field> fields) {
    }

    /** A field: its handle, and the names of its getter and setter. */
    public record Field(String jName, String docName, String yamlType, String kindConstant, String handleType,
                        String javaType, String javaName, String setter, boolean add, String docDescription) {
        public boolean described() {
            return !docDescription.isEmpty();
        }
    }

    static TablesView of(PluginDescriptor d) {
        List<Table> tables = new ArrayList<>();
        for (TableSpec table : d.tables()) {
            List<Field> fields = new ArrayList<>();
            for (TableFieldSpec field : table.fields()) {
                String javaName = Names.lowerCamel(field.name());
                fields.add(new Field(JavaString.escape(field.name()), JavadocText.escape(field.name()), field.type().yamlName(),
                        field.type().sdkConstant(), field.type().handleType(), field.type().javaType(), javaName,
                        "set" + Names.upperCamel(field.name()), field.add(), JavadocText.escape(field.description())));
            }
            tables.add(new Table(JavaString.escape(table.name()), JavadocText.escape(table.name()), table.keyType().yamlName(),
                    table.keyType().sdkConstant(), table.keyType() == TableType.STRING ? "String" : "long",
                    Names.upperCamel(table.name()), Names.lowerCamel(table.name()), fields));
        }
        return new TablesView(Names.upperCamel(d.name()) + "Tables", tables);
    }
}
