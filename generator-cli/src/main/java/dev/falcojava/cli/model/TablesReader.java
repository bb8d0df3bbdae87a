package dev.falcojava.cli.model;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code tables} section: the host's (or other plugins') tables the plugin uses, and their fields; a table
 * marked {@code export} is the plugin's own, created at init with all its fields (fields of type table included).
 */
final class TablesReader {

    /** The top-level key of the section. */
    static final String KEY = "tables";

    /** Table and field names: what the host's tables use ({@code threads}, {@code exe_writable}, ...). */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private final YamlNodes nodes;

    TablesReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    List<TableSpec> tables(NodeTuple entry, List<Capability> capabilities) {
        if (entry == null) {
            return List.of();
        }
        boolean given = capabilities.stream().anyMatch(c -> c instanceof Capability.Parse || c instanceof Capability.Extract);
        if (!given) {
            nodes.problem(entry.getKeyNode(), "tables need the parse or extract capability: Falco gives tables to those plugins only");
        }
        List<TableSpec> tables = new ArrayList<>();
        Map<String, Node> javaNames = new HashMap<>();
        for (Node item : nodes.sequence(entry.getValueNode(), "tables")) {
            if (!(item instanceof MappingNode mapping)) {
                nodes.problem(item, "a table must be a mapping with name, key and fields");
                continue;
            }
            Map<String, NodeTuple> table = nodes.entries(mapping, Set.of("name", "key", "fields", "export"), "a key of a table");
            String name = nodes.requiredString(table, item, "name", NAME,
                    "letters, digits, '_', '.' and '-', starting with a letter");
            Optional<TableType> key = type(table, item, "key");
            if (key.isPresent() && !key.get().isKeyType()) {
                nodes.problem(table.get("key").getValueNode(), "a table cannot be keyed by " + key.get().yamlName()
                        + ": use an integer type or string");
            }
            boolean export = nodes.optionalBoolean(table, "export", false);
            List<TableFieldSpec> fields = fields(table.get("fields"), name, true, export);
            if (name == null) {
                continue;
            }
            Node nameNode = table.get("name").getValueNode();
            javaName(name, nameNode, "table", javaNames);
            if (key.isPresent()) {
                tables.add(new TableSpec(name, key.get(), fields, export));
            }
        }
        return tables;
    }

    /** The fields of {@code table}; of an exported table, every field is the plugin's own, so added. */
    private List<TableFieldSpec> fields(NodeTuple entry, String table, boolean topLevel, boolean export) {
        if (entry == null) {
            return List.of();
        }
        List<TableFieldSpec> fields = new ArrayList<>();
        Map<String, Node> javaNames = new HashMap<>();
        for (Node item : nodes.sequence(entry.getValueNode(), "fields of table " + table)) {
            if (!(item instanceof MappingNode mapping)) {
                nodes.problem(item, "a table field must be a mapping with name, type, and optionally add and description");
                continue;
            }
            Map<String, NodeTuple> field = nodes.entries(mapping, Set.of("name", "type", "add", "description", "key", "fields"),
                    "a key of a table field");
            String name = nodes.requiredString(field, item, "name", NAME,
                    "letters, digits, '_', '.' and '-', starting with a letter");
            Optional<TableType> type = type(field, item, "type");
            boolean add = nodes.optionalBoolean(field, "add", false) || export;
            if (export && field.containsKey("add")) {
                nodes.problem(field.get("add").getKeyNode(), "field " + name + " of table " + table + ": the table is"
                        + " exported, so the plugin adds every field of it: remove 'add'");
            }
            String description = nodes.optionalString(field, "description").orElse("");
            if (name == null) {
                continue;
            }
            javaName(name, field.get("name").getValueNode(), "field of table " + table, javaNames);
            TableFieldSpec.Subtable subtable = type.orElse(null) == TableType.TABLE
                    ? subtable(field, item, table + "." + name, topLevel, export, add && !export) : null;
            if (type.orElse(null) != TableType.TABLE) {
                for (String only : List.of("key", "fields")) {
                    if (field.containsKey(only)) {
                        nodes.problem(field.get(only).getKeyNode(), "field " + name + " of table " + table + ": '" + only
                                + "' is for fields of type table only");
                    }
                }
            }
            type.ifPresent(t -> fields.add(new TableFieldSpec(name, t, add, description, subtable)));
        }
        return fields;
    }

    /** The key and fields of the sub-tables of a field of type table; {@code where} names it as table.field. */
    private TableFieldSpec.Subtable subtable(Map<String, NodeTuple> field, Node item, String where, boolean topLevel,
            boolean export, boolean add) {
        if (!topLevel) {
            nodes.problem(field.get("type").getValueNode(), "field " + where + ": the SDK reaches one level of nested tables,"
                    + " so a sub-table cannot have fields of type table");
        }
        if (add) {
            nodes.problem(field.get("add").getValueNode(), "field " + where + ": a field of type table cannot be added,"
                    + " the table's owner defines it (a table the plugin exports can have one)");
        }
        Optional<TableType> key = type(field, item, "key");
        if (key.isPresent() && !key.get().isKeyType()) {
            nodes.problem(field.get("key").getValueNode(), "the sub-tables of field " + where + " cannot be keyed by "
                    + key.get().yamlName() + ": use an integer type or string");
        }
        List<TableFieldSpec> fields = fields(field.get("fields"), where, false, export);
        return new TableFieldSpec.Subtable(key.orElse(TableType.INT64), fields);
    }

    private Optional<TableType> type(Map<String, NodeTuple> entries, Node parent, String key) {
        String text = nodes.requiredString(entries, parent, key, null, null);
        Optional<TableType> type = text == null ? Optional.empty() : TableType.fromYaml(text);
        if (text != null && type.isEmpty()) {
            nodes.problem(entries.get(key).getValueNode(), "unknown type '" + text + "' (known: " + TableType.known() + ")");
        }
        return type;
    }

    /** Checks that {@code name} gives a Java name of its own among {@code seen}. */
    private void javaName(String name, Node node, String what, Map<String, Node> seen) {
        String javaName = Names.lowerCamel(name);
        if (!Names.isJavaIdentifier(javaName)) {
            nodes.problem(node, what + " '" + name + "' becomes the Java name " + javaName + ", which is a Java keyword");
        } else if (seen.putIfAbsent(javaName, node) != null) {
            nodes.problem(node, what + " '" + name + "' is declared twice, or becomes the same Java name " + javaName
                    + " as another one");
        }
    }
}
