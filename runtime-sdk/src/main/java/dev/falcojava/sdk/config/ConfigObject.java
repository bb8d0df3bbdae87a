package dev.falcojava.sdk.config;

import java.util.List;
import java.util.Map;

/**
 * The init_config of a plugin as a JSON object, read key by key with the types plugin.yaml declares. The
 * generated config record uses it; every error names the key and why.
 */
public final class ConfigObject {

    private final Map<String, Object> values;

    private ConfigObject(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Parses {@code json} (an empty or blank text is an empty object) and refuses keys not in {@code keys}.
     *
     * @throws InvalidConfigException when the text is not a JSON object or has an unknown key
     */
    public static ConfigObject parse(String json, List<String> keys) throws InvalidConfigException {
        if (json == null || json.isBlank()) {
            return new ConfigObject(Map.of());
        }
        if (!(JsonReader.read(json) instanceof Map<?, ?> map)) {
            throw new InvalidConfigException("init_config must be a JSON object, like {\"key\": \"value\"}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) map;
        for (String key : values.keySet()) {
            if (!keys.contains(key)) {
                throw new InvalidConfigException("init_config key '" + key + "' is unknown (known: " + String.join(", ", keys) + ")");
            }
        }
        return new ConfigObject(values);
    }

    /**
     * The string value of {@code key} when {@code json} is a JSON object with one; {@code null} otherwise, also for
     * a text that is not JSON. Never throws: for settings the SDK reads before the plugin reads its config.
     */
    public static String peekString(String json, String key) {
        if (json == null || json.isBlank() || !json.strip().startsWith("{")) {
            return null;
        }
        try {
            return JsonReader.read(json) instanceof Map<?, ?> map && map.get(key) instanceof String value ? value : null;
        } catch (InvalidConfigException | RuntimeException e) {
            return null;
        }
    }

    /** A string value; {@code fallback} when absent, and required when {@code fallback} is null. */
    public String string(String key, String fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string", value);
    }

    /** An integer value. */
    public long integer(String key, Long fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof Long l) {
            return l;
        }
        throw wrongType(key, "an integer", value);
    }

    /** A number value; integers are accepted. */
    public double number(String key, Double fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number", value);
    }

    /** A boolean value. */
    public boolean bool(String key, Boolean fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false", value);
    }

    private Object value(String key, Object fallback) throws InvalidConfigException {
        if (values.containsKey(key)) {
            return values.get(key);
        }
        if (fallback == null) {
            throw new InvalidConfigException("init_config key '" + key + "' is required");
        }
        return fallback;
    }

    private static InvalidConfigException wrongType(String key, String expected, Object value) {
        String actual = switch (value) {
            case null -> "null";
            case String s -> "the string \"" + s + "\"";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            default -> value.toString();
        };
        return new InvalidConfigException("init_config key '" + key + "' must be " + expected + ", not " + actual);
    }
}
