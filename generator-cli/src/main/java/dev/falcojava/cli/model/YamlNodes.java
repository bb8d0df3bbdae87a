package dev.falcojava.cli.model;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads values out of plugin.yaml's nodes, collecting every problem with its file, line and column. */
final class YamlNodes {

    private final String file;
    private final List<DescriptorProblem> problems = new ArrayList<>();

    YamlNodes(String file) {
        this.file = file;
    }

    List<DescriptorProblem> problems() {
        return problems;
    }

    Map<String, NodeTuple> entries(MappingNode mapping, Set<String> known, String what) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !known.contains(key)) {
                problem(tuple.getKeyNode(), "'" + (key == null ? "?" : key) + "' is not " + what + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            } else if (entries.putIfAbsent(key, tuple) != null) {
                problem(tuple.getKeyNode(), "'" + key + "' appears twice");
            }
        }
        return entries;
    }

    String requiredString(Map<String, NodeTuple> entries, Node parent, String key, java.util.regex.Pattern rule,
                                  String ruleText) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            problem(parent, "'" + key + "' is required");
            return null;
        }
        String value = scalar(entry.getValueNode(), key);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            problem(entry.getValueNode(), "'" + key + "' must not be empty");
            return null;
        }
        if (rule != null && !rule.matcher(value).matches()) {
            problem(entry.getValueNode(), key + " '" + value + "' is not valid: " + ruleText);
            return null;
        }
        return value;
    }

    Optional<String> optionalString(Map<String, NodeTuple> entries, String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.ofNullable(scalar(entry.getValueNode(), key));
    }

    String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, what + " must be a single value, not a " + (node instanceof SequenceNode ? "list" : "mapping"));
        return null;
    }

    List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(node, what + " must be a list");
        return List.of();
    }

    void problem(Node node, String message) {
        Mark mark = node.getStartMark();
        problems.add(new DescriptorProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    /** A yes/no value, or {@code fallback} when the key is absent. */
    boolean optionalBoolean(Map<String, NodeTuple> entries, String key, boolean fallback) {
        Optional<String> text = optionalString(entries, key);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(entries.get(key).getValueNode(), key + " must be true or false, not '" + text.get() + "'");
                yield fallback;
            }
        };
    }

    /** A list of single values, or an empty list when the key is absent. */
    List<String> stringList(Map<String, NodeTuple> entries, String key) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence(entry.getValueNode(), key)) {
            String value = scalar(item, "an entry of " + key);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
