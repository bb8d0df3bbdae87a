package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.ConfigKey;
import dev.falcojava.cli.model.ConfigType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The init_config written into the generated falco.yaml: every key with its default, or else the smallest value
 * of its type that fits its bounds (an empty string, the first enum value, a list of min-items such values).
 */
final class ConfigExample {

    private ConfigExample() {
    }

    static Map<String, Object> of(List<ConfigKey> keys) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            if (key.defaultValue().isPresent()) {
                config.put(key.key(), key.defaultValue().get());
            } else if (!key.optional()) {
                config.put(key.key(), value(key.type()));
            }
        }
        return config;
    }

    private static Object value(ConfigType type) {
        return switch (type) {
            case ConfigType.Integral integral -> integral.minimum().map(BigDecimal::longValue)
                    .orElse(integral.maximum().map(max -> Math.min(0L, max.longValue())).orElse(0L));
            case ConfigType.Decimal decimal -> decimal.minimum().map(BigDecimal::doubleValue)
                    .orElse(decimal.maximum().map(max -> Math.min(0.0, max.doubleValue())).orElse(0.0));
            case ConfigType.Text text -> "";
            case ConfigType.Bool bool -> false;
            case ConfigType.Choice choice -> choice.values().getFirst();
            case ConfigType.Group group -> of(group.keys());
            case ConfigType.Items items -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < items.minItems(); i++) {
                    list.add(value(items.items()));
                }
                yield list;
            }
        };
    }
}
