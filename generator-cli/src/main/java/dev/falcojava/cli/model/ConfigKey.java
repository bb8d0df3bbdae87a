package dev.falcojava.cli.model;

import java.util.Optional;

/**
 * A key of the plugin's init_config, or of an object inside it.
 *
 * @param key          the JSON key
 * @param type         its type
 * @param description  what it does
 * @param defaultValue its value when absent: a String (also for an enum), Long, Double or Boolean, or a List of them for a list
 * @param optional     whether it may be absent without a default (then it is an {@code Optional})
 */
public record ConfigKey(String key, ConfigType type, String description, Optional<Object> defaultValue, boolean optional) {

    /** The record component of the generated config: {@code max-events} -> {@code maxEvents}. */
    public String javaName() {
        return Names.lowerCamel(key);
    }

    /** Whether init_config must have it: no default, not optional, and not an object whose keys all have defaults. */
    public boolean required() {
        return defaultValue.isEmpty() && !optional && !(type instanceof ConfigType.Group group && group.omittable());
    }
}
