package dev.falcojava.cli.model;

import java.util.Optional;

/**
 * A key of the plugin's init_config.
 *
 * @param key          the JSON key
 * @param type         its type
 * @param description  what it does
 * @param defaultValue its value when absent (String, Long, Double or Boolean); empty means the key is required
 */
public record ConfigKey(String key, ConfigType type, String description, Optional<Object> defaultValue) {

    /** The record component of the generated config: {@code max-events} -> {@code maxEvents}. */
    public String javaName() {
        return Names.lowerCamel(key);
    }
}
