package dev.falcojava.cli.inspecting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of {@code plugin_get_fields}, as {@code info} shows it.
 *
 * @param name        the field name
 * @param type        its type name
 * @param list        whether it has a list of values
 * @param argument    none, index or key, with "required" when it must be given
 * @param description what it means
 */
public record FieldRow(String name, String type, boolean list, String argument, String description) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a rule must give this field an argument. */
    public boolean argumentRequired() {
        return argument.endsWith("required");
    }

    /** @throws IllegalStateException when the JSON is not an array of fields */
    public static List<FieldRow> parse(String fieldsJson) {
        JsonNode root;
        try {
            root = JSON.readTree(fieldsJson);
        } catch (Exception e) {
            throw new IllegalStateException("plugin_get_fields returned invalid JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalStateException("plugin_get_fields did not return a JSON array");
        }
        List<FieldRow> rows = new ArrayList<>();
        for (JsonNode field : root) {
            JsonNode arg = field.path("arg");
            String argument = arg.path("isIndex").asBoolean() ? "index" : arg.path("isKey").asBoolean() ? "key" : "none";
            if (arg.path("isRequired").asBoolean()) {
                argument += ", required";
            }
            rows.add(new FieldRow(field.path("name").asText(), field.path("type").asText(), field.path("isList").asBoolean(),
                    argument, field.path("desc").asText()));
        }
        return rows;
    }
}
