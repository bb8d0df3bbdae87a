package dev.falcojava.cli.generation;

import dev.falcojava.sdk.config.ConfigShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft-07 JSON schema of a config-class, from the {@link ConfigShape} the SDK binds it with, so that the schema
 * Falco checks and the binding of init agree on every rule.
 */
public final class ShapeSchema {

    private ShapeSchema() {
    }

    /** The schema as JSON text. */
    public static String of(ConfigShape.RecordShape shape) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.putAll(type(shape));
        return ProjectModelFactory.json(schema);
    }

    private static Map<String, Object> type(ConfigShape shape) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (shape) {
            case ConfigShape.Scalar(ConfigShape.Kind kind) -> {
                switch (kind) {
                    case INT -> {
                        schema.put("type", "integer");
                        schema.put("minimum", Integer.MIN_VALUE);
                        schema.put("maximum", Integer.MAX_VALUE);
                    }
                    case LONG -> schema.put("type", "integer");
                    case DOUBLE -> schema.put("type", "number");
                    case BOOLEAN -> schema.put("type", "boolean");
                    case STRING -> schema.put("type", "string");
                }
            }
            case ConfigShape.EnumShape e -> {
                schema.put("type", "string");
                schema.put("enum", e.names());
            }
            case ConfigShape.ListShape list -> {
                schema.put("type", "array");
                schema.put("items", type(list.items()));
            }
            case ConfigShape.RecordShape record -> {
                Map<String, Object> properties = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                for (ConfigShape.Component component : record.components()) {
                    Map<String, Object> property = type(component.shape());
                    if (!component.description().isEmpty()) {
                        property.put("description", component.description());
                    }
                    properties.put(component.key(), property);
                    if (!component.optional()) {
                        required.add(component.key());
                    }
                }
                schema.put("type", "object");
                schema.put("properties", properties);
                schema.put("required", required);
                schema.put("additionalProperties", false);
            }
        }
        return schema;
    }
}
