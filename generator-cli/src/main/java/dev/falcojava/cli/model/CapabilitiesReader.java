package dev.falcojava.cli.model;

import dev.falcojava.sdk.events.EventTypes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code capabilities} section of plugin.yaml. */
final class CapabilitiesReader {

    private static final Set<String> CAPABILITIES = Set.of("source", "extract", "parse", "async", "capture-listen");

    private final YamlNodes nodes;

    CapabilitiesReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    /**
     * @param development whether plugin.yaml opts in to a plugin without capabilities (Falco refuses to load one; it
     *                    only serves while a project is being set up)
     */
    List<Capability> capabilities(NodeTuple entry, Node top, boolean development) {
        boolean empty = entry == null || entry.getValueNode() instanceof MappingNode none && none.getValue().isEmpty();
        if (empty && development) {
            return List.of();
        }
        if (entry == null || !(entry.getValueNode() instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            nodes.problem(entry == null ? top : entry.getValueNode(),
                    "capabilities must declare at least one of: source, extract, parse, async, capture-listen "
                            + "(Falco refuses a plugin without; 'development: true' allows none while you set it up)");
            return List.of();
        }
        Map<String, NodeTuple> declared = nodes.entries(mapping, CAPABILITIES, "a capability");
        List<Capability> capabilities = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> capability : declared.entrySet()) {
            Node node = capability.getValue().getValueNode();
            Optional<? extends Capability> read = switch (capability.getKey()) {
                case "source" -> source(node);
                case "extract" -> extract(node);
                case "parse" -> parse(node);
                case "async" -> async(node);
                default -> captureListen(node);
            };
            read.ifPresent(capabilities::add);
        }
        return capabilities;
    }

    /** A capability without options may be written as {@code parse: {}} or with an empty value. */
    private Optional<Map<String, NodeTuple>> options(Node node, String capability, Set<String> keys) {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return Optional.of(Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            nodes.problem(node, capability + " must be a mapping"
                    + (keys.isEmpty() ? " (write " + capability + ": {})" : " with " + String.join(", ", keys.stream().sorted().toList())));
            return Optional.empty();
        }
        return Optional.of(nodes.entries(mapping, keys, "a key of " + capability));
    }

    private Optional<Capability.Source> source(Node node) {
        Optional<Map<String, NodeTuple>> options = options(node, "source", Set.of("event-source", "open-params"));
        if (options.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> source = options.get();
        String eventSource = nodes.requiredString(source, node, "event-source", Names.EVENT_SOURCE,
                "letters, digits, '_', '.' and '-'");
        if ("syscall".equals(eventSource)) {
            nodes.problem(source.get("event-source").getValueNode(), "event source 'syscall' is reserved by Falco; choose your own name");
        }
        List<OpenParamSpec> openParams = new ArrayList<>();
        if (source.containsKey("open-params")) {
            for (Node item : nodes.sequence(source.get("open-params").getValueNode(), "open-params")) {
                if (!(item instanceof MappingNode paramNode)) {
                    nodes.problem(item, "an open parameter must be a mapping with value, and optionally description and separator");
                    continue;
                }
                Map<String, NodeTuple> param = nodes.entries(paramNode, Set.of("value", "description", "separator"), "a key of an open parameter");
                String value = nodes.requiredString(param, item, "value", null, null);
                if (value != null) {
                    openParams.add(new OpenParamSpec(value, nodes.optionalString(param, "description").orElse(""),
                            nodes.optionalString(param, "separator").orElse("")));
                }
            }
        }
        return eventSource == null ? Optional.empty() : Optional.of(new Capability.Source(eventSource, openParams));
    }

    private Optional<Capability.Extract> extract(Node node) {
        Optional<Map<String, NodeTuple>> options = options(node, "extract", Set.of("fields", "event-sources", "event-types"));
        if (options.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> extract = options.get();
        if (!extract.containsKey("fields")) {
            nodes.problem(node, "extract needs 'fields': a list of fields with name, type and description");
            return Optional.empty();
        }
        List<FieldSpec> fields = new FieldsReader(nodes).fields(extract.get("fields").getValueNode());
        return Optional.of(new Capability.Extract(fields, eventSources(extract), eventTypes(extract)));
    }

    private Optional<Capability.Parse> parse(Node node) {
        return options(node, "parse", Set.of("event-sources", "event-types"))
                .map(parse -> new Capability.Parse(eventSources(parse), eventTypes(parse)));
    }

    private Optional<Capability.Async> async(Node node) {
        Optional<Map<String, NodeTuple>> options = options(node, "async", Set.of("events", "event-sources", "dump-state"));
        if (options.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> async = options.get();
        List<String> events = nodes.stringList(async, "events");
        if (events.isEmpty()) {
            nodes.problem(async.containsKey("events") ? async.get("events").getValueNode() : node,
                    "async needs 'events': the names of the async events the plugin pushes, at least one");
        }
        Map<String, Node> seen = new HashMap<>();
        for (String event : events) {
            Node at = async.get("events").getValueNode();
            if (!Names.EVENT_SOURCE.matcher(event).matches()) {
                nodes.problem(at, "async event name '" + event + "' is not valid: letters, digits, '_', '.' and '-'");
            } else if (seen.putIfAbsent(event, at) != null) {
                nodes.problem(at, "async event '" + event + "' is listed twice");
            }
        }
        return Optional.of(new Capability.Async(events, eventSources(async),
                nodes.optionalBoolean(async, "dump-state", false)));
    }

    private Optional<Capability.CaptureListen> captureListen(Node node) {
        return options(node, "capture-listen", Set.of()).map(ignored -> new Capability.CaptureListen());
    }

    private List<String> eventSources(Map<String, NodeTuple> entries) {
        List<String> sources = nodes.stringList(entries, "event-sources");
        for (String source : sources) {
            if (!Names.EVENT_SOURCE.matcher(source).matches()) {
                nodes.problem(entries.get("event-sources").getValueNode(), "event source '" + source
                        + "' is not valid: letters, digits, '_', '.' and '-'");
            }
        }
        return sources;
    }

    private List<Integer> eventTypes(Map<String, NodeTuple> entries) {
        List<Integer> types = new ArrayList<>();
        for (String text : nodes.stringList(entries, "event-types")) {
            int named = EventTypes.code(text);
            if (named >= 0) {
                types.add(named);
                continue;
            }
            try {
                int type = Integer.parseInt(text);
                if (type < 0 || type > 0xFFFF) {
                    throw new NumberFormatException();
                }
                types.add(type);
            } catch (NumberFormatException e) {
                nodes.problem(entries.get("event-types").getValueNode(), "event type '" + text
                        + "' is not an event type code from 0 to 65535 (322 is the plugin event, 402 the async event)"
                        + " nor the name of a typed event, such as openat_x or execve_x (docs/events.md lists them)");
            }
        }
        return types;
    }
}
