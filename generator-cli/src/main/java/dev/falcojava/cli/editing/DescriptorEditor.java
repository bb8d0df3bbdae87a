package dev.falcojava.cli.editing;

import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.generation.TemplateRenderer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * Edits plugin.yaml as text, so that the user's comments, order and formatting stay: a new field is inserted
 * after the last field, with the indentation of the existing ones.
 */
public final class DescriptorEditor {

    private final TemplateRenderer renderer;

    public DescriptorEditor(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** {@code yaml} with {@code field} appended to {@code capabilities.extract.fields}. */
    public String addField(String yaml, ProjectModel.YamlFieldView field) throws EditException {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        SequenceNode fields = child(root, "capabilities").flatMap(c -> child(c, "extract")).flatMap(e -> child(e, "fields"))
                .filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast)
                .orElseThrow(() -> new EditException("plugin.yaml has no capabilities.extract.fields list to add the field to"));
        if (fields.getValue().isEmpty() || fields.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
            throw new EditException("the fields of plugin.yaml (line " + (fields.getStartMark().getLine() + 1)
                    + ") are not a block list of fields; add the field by hand");
        }
        Node first = fields.getValue().getFirst();
        Node last = fields.getValue().getLast();
        int dashColumn = first.getStartMark().getColumn() - 2;
        if (dashColumn < 0 || yaml.charAt(first.getStartMark().getIndex() - 2) != '-') {
            throw new EditException("the fields of plugin.yaml (line " + (first.getStartMark().getLine() + 1)
                    + ") are not written as '- name: ...' items; add the field by hand");
        }
        int insertAt = lineEnd(yaml, last.getEndMark().getIndex());
        String entry = renderer.render("project/field-entry.yaml.mustache", new Entry(" ".repeat(dashColumn), field));
        String before = yaml.substring(0, insertAt);
        return before + (before.endsWith("\n") ? "" : "\n") + entry + yaml.substring(insertAt);
    }

    /**
     * {@code yaml} with {@code entry} (a capability of the capability entry template) appended to the
     * {@code capabilities} mapping, indented like the capabilities already there; with {@code id} added after
     * {@code contact} when the descriptor has none and {@code id} is positive.
     */
    public String addCapability(String yaml, CapabilityEntry entry, long id) throws EditException {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        MappingNode capabilities = child(root, "capabilities").filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .filter(c -> !c.getValue().isEmpty() && c.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW)
                .orElseThrow(() -> new EditException("plugin.yaml has no block mapping 'capabilities' to add to; add the "
                        + "capability by hand"));
        NodeTuple last = capabilities.getValue().getLast();
        int column = capabilities.getValue().getFirst().getKeyNode().getStartMark().getColumn();
        int insertAt = lineEnd(yaml, last.getValueNode().getEndMark().getIndex());
        String rendered = renderer.render("project/capability-entry.yaml.mustache",
                new CapabilityEntry(" ".repeat(column), entry.source(), entry.extract(), entry.parse(), entry.async(),
                        entry.captureListen(), entry.yamlEventSource(), entry.fields(), entry.yamlEvents()));
        String before = yaml.substring(0, insertAt);
        String edited = before + (before.endsWith("\n") ? "" : "\n") + rendered + yaml.substring(insertAt);
        if (id > 0 && child(root, "id").isEmpty()) {
            Node contact = child(root, "contact").orElseThrow(() -> new EditException("plugin.yaml has no contact to put the id after"));
            int idAt = lineEnd(edited, contact.getEndMark().getIndex());
            edited = edited.substring(0, idAt) + renderer.render("project/id-entry.yaml.mustache", java.util.Map.of("id", id))
                    + edited.substring(idAt);
        }
        return edited;
    }

    /** The values of the capability entry template; {@code indent} is filled in by {@link #addCapability}. */
    public record CapabilityEntry(String indent, boolean source, boolean extract, boolean parse, boolean async,
                                  boolean captureListen, String yamlEventSource, List<ProjectModel.YamlFieldView> fields,
                                  String yamlEvents) {
    }

    /** The values of one entry of the field list template. */
    public record Entry(String indent, ProjectModel.YamlFieldView field) {
        public String yamlName() {
            return field.yamlName();
        }

        public String yamlType() {
            return field.yamlType();
        }

        public String yamlDescription() {
            return field.yamlDescription();
        }

        public Boolean list() {
            return field.list();
        }

        public String arg() {
            return field.arg();
        }

        public Boolean argRequired() {
            return field.argRequired();
        }

        public String yamlDisplay() {
            return field.yamlDisplay();
        }

        public String yamlProperties() {
            return field.yamlProperties();
        }

        public Boolean addOutput() {
            return field.addOutput();
        }
    }

    /** The index just after the line holding the last character before {@code index}. */
    private static int lineEnd(String text, int index) {
        int end = index;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int newline = text.indexOf('\n', end);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static Optional<Node> child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }
}
