package dev.falcojava.cli.rules.yaml;

import dev.falcojava.cli.rules.Finding;
import dev.falcojava.cli.rules.Located;
import dev.falcojava.cli.rules.Position;
import dev.falcojava.cli.rules.RulesItem;
import dev.falcojava.cli.rules.RulesItem.Amendment;
import dev.falcojava.cli.rules.RulesItem.RuleException;
import dev.falcojava.cli.rules.Severity;
import dev.falcojava.cli.rules.SourceText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Falco rules file (a YAML list of rules, macros, lists and requirements) into {@link RulesItem}s, each value
 * with its position; what does not have the shape Falco reads is reported, also with its position.
 */
public final class RulesReader {

    /** The items read and what was wrong with the file's shape. */
    public record Result(List<RulesItem> items, List<Finding> findings) {
    }

    private static final Set<String> RULE_KEYS = Set.of("rule", "desc", "condition", "output", "priority", "source",
            "tags", "enabled", "exceptions", "append", "override", "warn_evttypes", "skip-if-unknown-filter", "capture",
            "capture_duration");
    private static final Set<String> MACRO_KEYS = Set.of("macro", "condition", "append", "override");
    private static final Set<String> LIST_KEYS = Set.of("list", "items", "append", "override");
    private static final Set<String> EXCEPTION_KEYS = Set.of("name", "fields", "comps", "values");
    private static final Set<String> REQUIREMENT_KEYS = Set.of("name", "version", "alternatives");
    private static final List<String> KINDS = List.of("rule", "macro", "list", "required_plugin_versions",
            "required_engine_version");

    private final YamlText text;
    private final List<RulesItem> items = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private RulesReader(String file, String content) {
        this.text = new YamlText(file, content);
    }

    public static Result read(String file, String content) {
        RulesReader reader = new RulesReader(file, content);
        reader.documents(file, content);
        return new Result(List.copyOf(reader.items), List.copyOf(reader.findings));
    }

    private void documents(String file, String content) {
        try {
            for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(content))) {
                if (root == null || root instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                    continue;
                }
                if (!(root instanceof SequenceNode sequence)) {
                    error(root, "a rules file is a YAML list of '- rule:', '- macro:' and '- list:' items, not a "
                            + kind(root) + "; start each item with '- '");
                    continue;
                }
                for (Node item : sequence.getValue()) {
                    item(item);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? new Position(file, 1, 1) : text.position(mark);
            findings.add(new Finding(Severity.ERROR, at, "not valid YAML: " + e.getProblem()
                    + "; Falco stops reading the file here (LOAD_ERR_YAML_PARSE)"));
        }
    }

    private void item(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, "an item of a rules file is a mapping such as 'rule: NAME', not a " + kind(node));
            return;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                    error(key, "'" + key.getValue() + "' appears twice in this item; keep one");
                }
            } else {
                error(tuple.getKeyNode(), "a key must be a single word");
            }
        }
        String kind = KINDS.stream().filter(entries::containsKey).findFirst().orElse(null);
        if (kind == null) {
            findings.add(new Finding(Severity.WARNING, text.position(node), "an item with none of the keys "
                    + String.join(", ", KINDS) + " is not something Falco knows; it skips it (LOAD_UNKNOWN_ITEM)"));
            return;
        }
        switch (kind) {
            case "rule" -> rule(mapping, entries);
            case "macro" -> macro(mapping, entries);
            case "list" -> list(mapping, entries);
            case "required_plugin_versions" -> requirements(entries.get(kind).getValueNode());
            default -> scalar(entries.get(kind).getValueNode(), kind).ifPresent(version ->
                    items.add(new RulesItem.EngineRequirement(version, text.position(node))));
        }
    }

    private void rule(MappingNode node, Map<String, NodeTuple> entries) {
        unknownKeys(entries, RULE_KEYS, "a rule");
        Optional<Located> name = scalar(entries.get("rule").getValueNode(), "rule");
        if (name.isEmpty()) {
            return;
        }
        List<RuleException> exceptions = new ArrayList<>();
        if (entries.containsKey("exceptions")) {
            for (Node exception : sequence(entries.get("exceptions").getValueNode(), "exceptions")) {
                exception(exception).ifPresent(exceptions::add);
            }
        }
        Optional<Located> enabled = optionalScalar(entries, "enabled");
        Optional<Boolean> enabledValue = enabled.flatMap(e -> bool(e, "enabled"));
        items.add(new RulesItem.Rule(name.get(), text(entries, "condition"), text(entries, "output"),
                optionalScalar(entries, "source"), optionalScalar(entries, "priority"), enabledValue,
                optionalScalar(entries, "desc"), exceptions, new RulesItem.Flags(
                        optionalScalar(entries, "warn_evttypes").flatMap(w -> bool(w, "warn_evttypes")).orElse(true),
                        optionalScalar(entries, "skip-if-unknown-filter").flatMap(s -> bool(s, "skip-if-unknown-filter"))
                                .orElse(false)), amendment(entries, Set.of("condition", "output", "desc",
                        "priority", "tags", "exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter",
                        "source", "capture", "capture_duration")), text.position(node)));
    }

    private void macro(MappingNode node, Map<String, NodeTuple> entries) {
        unknownKeys(entries, MACRO_KEYS, "a macro");
        scalar(entries.get("macro").getValueNode(), "macro").ifPresent(name -> items.add(new RulesItem.Macro(name,
                text(entries, "condition"), amendment(entries, Set.of("condition")), text.position(node))));
    }

    private void list(MappingNode node, Map<String, NodeTuple> entries) {
        unknownKeys(entries, LIST_KEYS, "a list");
        Optional<Located> name = scalar(entries.get("list").getValueNode(), "list");
        if (name.isEmpty()) {
            return;
        }
        List<Located> values = new ArrayList<>();
        if (entries.containsKey("items")) {
            for (Node item : sequence(entries.get("items").getValueNode(), "items")) {
                scalar(item, "an entry of items").ifPresent(values::add);
            }
        }
        items.add(new RulesItem.ListItem(name.get(), values, entries.containsKey("items"),
                amendment(entries, Set.of("items")), text.position(node)));
    }

    private void requirements(Node node) {
        for (Node entry : sequence(node, "required_plugin_versions")) {
            requirement(entry).ifPresent(items::add);
        }
    }

    private Optional<RulesItem.PluginRequirement> requirement(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, "an entry of required_plugin_versions is a mapping with name and version");
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = entries(mapping);
        unknownKeys(entries, REQUIREMENT_KEYS, "a plugin requirement");
        Optional<Located> name = required(entries, mapping, "name", "the plugin's name, as in load_plugins");
        Optional<Located> version = required(entries, mapping, "version", "the lowest plugin version the rules need");
        List<RulesItem.PluginRequirement> alternatives = new ArrayList<>();
        if (entries.containsKey("alternatives")) {
            for (Node alternative : sequence(entries.get("alternatives").getValueNode(), "alternatives")) {
                requirement(alternative).ifPresent(alternatives::add);
            }
        }
        if (name.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RulesItem.PluginRequirement(name.get(), version.get(), alternatives, text.position(node)));
    }

    private Optional<RuleException> exception(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, "an exception is a mapping with name, fields, comps and values");
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = entries(mapping);
        unknownKeys(entries, EXCEPTION_KEYS, "an exception");
        Optional<Located> name = required(entries, mapping, "name", "a name for the exception");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Located> fields = new ArrayList<>();
        boolean single = false;
        if (entries.containsKey("fields")) {
            Node fieldsNode = entries.get("fields").getValueNode();
            if (fieldsNode instanceof ScalarNode) {
                single = true;
                scalar(fieldsNode, "fields").ifPresent(fields::add);
            } else {
                for (Node field : sequence(fieldsNode, "fields")) {
                    scalar(field, "an entry of fields").ifPresent(fields::add);
                }
            }
        }
        List<Located> comps = new ArrayList<>();
        if (entries.containsKey("comps")) {
            Node compsNode = entries.get("comps").getValueNode();
            if (compsNode instanceof ScalarNode) {
                scalar(compsNode, "comps").ifPresent(comps::add);
            } else {
                for (Node comp : sequence(compsNode, "comps")) {
                    scalar(comp, "an entry of comps").ifPresent(comps::add);
                }
            }
        }
        List<List<Located>> values = new ArrayList<>();
        if (entries.containsKey("values")) {
            for (Node value : sequence(entries.get("values").getValueNode(), "values")) {
                List<Located> tuple = new ArrayList<>();
                if (value instanceof SequenceNode items && !single) {
                    for (Node item : items.getValue()) {
                        tuple.add(value(item));
                    }
                } else {
                    tuple.add(value(value));
                }
                values.add(tuple);
            }
        }
        return Optional.of(new RuleException(name.get(), fields, single, comps, values, text.position(node)));
    }

    /** One value of an exception tuple: a single value, or a list written as Falco writes it, {@code (a, b)}. */
    private Located value(Node node) {
        if (node instanceof SequenceNode list) {
            List<String> parts = new ArrayList<>();
            for (Node item : list.getValue()) {
                scalar(item, "an entry of a value list").ifPresent(v -> parts.add(v.value()));
            }
            return new Located("(" + String.join(", ", parts) + ")", text.position(node));
        }
        return scalar(node, "a value").orElse(new Located("", text.position(node)));
    }

    private Amendment amendment(Map<String, NodeTuple> entries, Set<String> overridable) {
        boolean append = optionalScalar(entries, "append").flatMap(a -> bool(a, "append")).orElse(false);
        Map<String, Located> override = new LinkedHashMap<>();
        if (entries.containsKey("override")) {
            Node node = entries.get("override").getValueNode();
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    Optional<Located> key = scalar(tuple.getKeyNode(), "an override key");
                    Optional<Located> how = scalar(tuple.getValueNode(), "an override");
                    if (key.isEmpty() || how.isEmpty()) {
                        continue;
                    }
                    if (!overridable.contains(key.get().value())) {
                        error(tuple.getKeyNode(), "'" + key.get().value() + "' cannot be overridden; these can: "
                                + String.join(", ", overridable.stream().sorted().toList()));
                    } else if (!how.get().value().equals("append") && !how.get().value().equals("replace")) {
                        error(tuple.getValueNode(), "override " + key.get().value() + " must be append or replace, not '"
                                + how.get().value() + "'");
                    } else if (!entries.containsKey(key.get().value())) {
                        error(tuple.getKeyNode(), "override " + key.get().value() + ": " + how.get().value()
                                + " needs a '" + key.get().value() + "' key in this item");
                    } else {
                        override.put(key.get().value(), how.get());
                    }
                }
            } else {
                error(node, "override is a mapping such as {condition: append}");
            }
            if (append) {
                error(entries.get("append").getKeyNode(), "an item has either append or override, not both; keep "
                        + "override");
            }
        }
        return new Amendment(append, override);
    }

    private Optional<SourceText> text(Map<String, NodeTuple> entries, String key) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.getValueNode() instanceof ScalarNode scalar) {
            return Optional.of(text.sourceText(scalar));
        }
        error(entry.getValueNode(), key + " must be a single text, not a " + kind(entry.getValueNode()));
        return Optional.empty();
    }

    private Optional<Located> optionalScalar(Map<String, NodeTuple> entries, String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? Optional.empty() : scalar(entry.getValueNode(), key);
    }

    private Optional<Located> required(Map<String, NodeTuple> entries, Node parent, String key, String what) {
        if (!entries.containsKey(key)) {
            error(parent, "'" + key + "' is required here: " + what);
            return Optional.empty();
        }
        return scalar(entries.get(key).getValueNode(), key);
    }

    private Optional<Boolean> bool(Located value, String key) {
        return switch (value.value()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                findings.add(new Finding(Severity.ERROR, value.position(), key + " must be true or false, not '"
                        + value.value() + "'"));
                yield Optional.empty();
            }
        };
    }

    private Optional<Located> scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(new Located(scalar.getValue(), text.position(node)));
        }
        error(node, what + " must be a single value, not a " + kind(node));
        return Optional.empty();
    }

    private List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        error(node, what + " must be a list (write it as [a, b] or as lines starting with '- ')");
        return List.of();
    }

    private Map<String, NodeTuple> entries(MappingNode mapping) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && entries.putIfAbsent(key.getValue(), tuple) != null) {
                error(key, "'" + key.getValue() + "' appears twice; keep one");
            }
        }
        return entries;
    }

    private void unknownKeys(Map<String, NodeTuple> entries, Set<String> known, String what) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                findings.add(new Finding(Severity.WARNING, text.position(entry.getValue().getKeyNode()), "'"
                        + entry.getKey() + "' is not a key of " + what + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + "); Falco's schema check reports it"));
            }
        }
    }

    private void error(Node node, String message) {
        findings.add(new Finding(Severity.ERROR, text.position(node), message));
    }

    private static String kind(Node node) {
        return switch (node) {
            case SequenceNode s -> "list";
            case MappingNode m -> "mapping";
            default -> "single value";
        };
    }
}
