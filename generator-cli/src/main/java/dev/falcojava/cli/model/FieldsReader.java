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

/** Reads the {@code fields} of the extract capability, with the rules libsinsp applies to the fields JSON. */
final class FieldsReader {

    private static final Set<String> KEYS = Set.of("name", "type", "description", "list", "arg", "arg-required",
            "display", "properties", "add-output");

    private final YamlNodes nodes;

    FieldsReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    List<FieldSpec> fields(Node fieldsNode) {
        List<FieldSpec> fields = new ArrayList<>();
        Map<String, Node> seenNames = new HashMap<>();
        Map<String, String> seenMethods = new HashMap<>();
        String prefix = null;
        List<Node> items = nodes.sequence(fieldsNode, "fields");
        if (items.isEmpty()) {
            nodes.problem(fieldsNode, "extract needs at least one field");
        }
        for (Node item : items) {
            if (!(item instanceof MappingNode fieldNode)) {
                nodes.problem(item, "a field must be a mapping with name, type and description");
                continue;
            }
            Map<String, NodeTuple> field = nodes.entries(fieldNode, KEYS, "a key of a field");
            String name = nodes.requiredString(field, item, "name", Names.FIELD_NAME,
                    "a prefix and a name separated by dots, for example myplugin.count");
            String typeName = nodes.requiredString(field, item, "type", null, null);
            String description = nodes.requiredString(field, item, "description", null, null);
            Optional<FieldType> type = typeName == null ? Optional.empty() : FieldType.fromYaml(typeName);
            if (typeName != null && type.isEmpty()) {
                nodes.problem(field.get("type").getValueNode(), "unknown field type '" + typeName + "' (known: " + FieldType.known() + ")");
            }
            FieldArg arg = arg(field);
            boolean argRequired = nodes.optionalBoolean(field, "arg-required", false);
            if (argRequired && arg == FieldArg.NONE) {
                nodes.problem(field.get("arg-required").getKeyNode(), "arg-required needs 'arg: index' or 'arg: key'");
            }
            List<String> properties = nodes.stringList(field, "properties");
            for (String property : properties) {
                if (!FieldSpec.PROPERTIES.contains(property)) {
                    nodes.problem(field.get("properties").getValueNode(), "unknown field property '" + property
                            + "' (known: " + String.join(", ", FieldSpec.PROPERTIES) + ")");
                }
            }
            if (name == null) {
                continue;
            }
            Node nameNode = field.get("name").getValueNode();
            String fieldPrefix = name.substring(0, name.indexOf('.') + 1);
            if (prefix == null) {
                prefix = fieldPrefix;
            } else if (!prefix.equals(fieldPrefix)) {
                nodes.problem(nameNode, "field '" + name + "' does not start with '" + prefix
                        + "', the prefix of the first field; all fields of a plugin share one prefix");
            }
            if (seenNames.putIfAbsent(name, nameNode) != null) {
                nodes.problem(nameNode, "field '" + name + "' is declared twice (first at line "
                        + (seenNames.get(name).getStartMark().getLine() + 1) + ")");
            } else if (prefix.equals(fieldPrefix)) {
                String method = Names.extractMethod(name, prefix);
                String clash = seenMethods.putIfAbsent(method, name);
                if (clash != null) {
                    nodes.problem(nameNode, "fields '" + clash + "' and '" + name + "' would both become " + method
                            + "(); rename one of them");
                }
            }
            if (type.isPresent() && description != null) {
                fields.add(new FieldSpec(name, type.get(), nodes.optionalBoolean(field, "list", false), arg, argRequired,
                        nodes.optionalString(field, "display").orElse(""), properties,
                        nodes.optionalBoolean(field, "add-output", false), description));
            }
        }
        return fields;
    }

    private FieldArg arg(Map<String, NodeTuple> field) {
        Optional<String> text = nodes.optionalString(field, "arg");
        if (text.isEmpty()) {
            return FieldArg.NONE;
        }
        Optional<FieldArg> arg = FieldArg.fromYaml(text.get());
        if (arg.isEmpty()) {
            nodes.problem(field.get("arg").getValueNode(), "arg must be 'index' (a number, as in field[2]) or 'key' "
                    + "(a string, as in field[name]), not '" + text.get() + "'");
        }
        return arg.orElse(FieldArg.NONE);
    }
}
