package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.ConfigKey;
import dev.falcojava.cli.model.ConfigType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The draft-07 JSON schema of the config section that {@code plugin_get_init_schema} returns, as JSON values. */
final class ConfigSchema {

    private ConfigSchema() {
    }

    static Map<String, Object> of(List<ConfigKey> keys) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.putAll(object(keys));
        return schema;
    }

    private static Map<String, Object> object(List<ConfigKey> keys) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ConfigKey key : keys) {
            Map<String, Object> property = type(key.type());
            property.put("description", key.description());
            key.defaultValue().ifPresent(value -> property.put("default", value));
            if (key.required()) {
                required.add(key.key());
            }
            properties.put(key.key(), property);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> type(ConfigType type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (type) {
            case ConfigType.Integral integral -> {
                schema.put("type", "integer");
                bounds(schema, integral.minimum().or(() -> integral.wide() ? Optional.empty()
                                : Optional.of(BigDecimal.valueOf(Integer.MIN_VALUE))),
                        integral.maximum().or(() -> integral.wide() ? Optional.empty()
                                : Optional.of(BigDecimal.valueOf(Integer.MAX_VALUE))));
            }
            case ConfigType.Decimal decimal -> {
                schema.put("type", "number");
                bounds(schema, decimal.minimum(), decimal.maximum());
            }
            case ConfigType.Text text -> {
                schema.put("type", "string");
                text.pattern().ifPresent(pattern -> schema.put("pattern", pattern));
            }
            case ConfigType.Bool bool -> schema.put("type", "boolean");
            case ConfigType.Choice choice -> {
                schema.put("type", "string");
                schema.put("enum", choice.values());
            }
            case ConfigType.Group group -> schema.putAll(object(group.keys()));
            case ConfigType.Items items -> {
                schema.put("type", "array");
                schema.put("items", type(items.items()));
                if (items.minItems() > 0) {
                    schema.put("minItems", items.minItems());
                }
            }
        }
        return schema;
    }

    private static void bounds(Map<String, Object> schema, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) {
        minimum.ifPresent(value -> schema.put("minimum", value));
        maximum.ifPresent(value -> schema.put("maximum", value));
    }
}
