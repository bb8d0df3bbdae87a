package dev.falcojava.sdk.config;

import java.util.List;
import java.util.Map;

/**
 * The init_config of a plugin as a JSON object, read key by key with the types plugin.yaml declares. The
 * generated config record uses it; every error names the key and why.
 */
public final class ConfigObject {

    /** What a required key that is absent reads as while problems are collected: its problem is already recorded. */
    private static final Object MISSING = new Object();

    private final Map<String, Object> values;
    /** The problems found so far when reading every key before failing ({@link #reading}); null: fail at once. */
    private final List<String> problems;

    private ConfigObject(Map<String, Object> values, List<String> problems) {
        this.values = values;
        this.problems = problems;
    }

    /**
     * Parses {@code json} (an empty or blank text is an empty object) and refuses keys not in {@code keys}.
     *
     * @throws InvalidConfigException when the text is not a JSON object or has an unknown key
     */
    public static ConfigObject parse(String json, List<String> keys) throws InvalidConfigException {
        ConfigObject config = new ConfigObject(object(json), null);
        config.checkKeys(keys);
        return config;
    }

    /**
     * Parses {@code json} like {@link #parse}, but collects the problems of the keys instead of failing at the first:
     * the typed readers then return a placeholder for a bad key, and {@link #check()} reports every problem at once.
     *
     * @throws InvalidConfigException when the text is not a JSON object
     */
    public static ConfigObject reading(String json, List<String> keys) throws InvalidConfigException {
        ConfigObject config = new ConfigObject(object(json), new java.util.ArrayList<>());
        config.checkKeys(keys);
        return config;
    }

    /**
     * After the keys were read from a {@link #reading} object: fails with every problem found, one per line, in the
     * order of the text's unknown keys then of the reads.
     */
    public void check() throws InvalidConfigException {
        if (problems != null && !problems.isEmpty()) {
            throw new InvalidConfigException(problems.size() == 1 ? problems.getFirst()
                    : problems.size() + " problems: " + String.join("; ", problems));
        }
    }

    private static Map<String, Object> object(String json) throws InvalidConfigException {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        if (!(JsonReader.read(json) instanceof Map<?, ?> map)) {
            throw new InvalidConfigException("init_config must be a JSON object, like {\"key\": \"value\"}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) map;
        return values;
    }

    private void checkKeys(List<String> keys) throws InvalidConfigException {
        for (String key : values.keySet()) {
            if (!keys.contains(key)) {
                problem("init_config key '" + key + "' is unknown (known: " + String.join(", ", keys) + ")");
            }
        }
    }

    /** Fails now, or records the problem when every problem is collected. */
    private void problem(String message) throws InvalidConfigException {
        if (problems == null) {
            throw new InvalidConfigException(message);
        }
        problems.add(message);
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
        wrongType(key, "a string", value);
        return "";
    }

    /** An integer value. */
    public long integer(String key, Long fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof Long l) {
            return l;
        }
        wrongType(key, value instanceof java.math.BigInteger ? "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : "an integer", value);
        return 0;
    }

    /** A number value; integers are accepted. */
    public double number(String key, Double fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        wrongType(key, "a number", value);
        return 0;
    }

    /** A boolean value. */
    public boolean bool(String key, Boolean fallback) throws InvalidConfigException {
        Object value = value(key, fallback);
        if (value instanceof Boolean b) {
            return b;
        }
        wrongType(key, "true or false", value);
        return false;
    }

    private Object value(String key, Object fallback) throws InvalidConfigException {
        if (values.containsKey(key)) {
            return values.get(key);
        }
        if (fallback == null) {
            problem("init_config key '" + key + "' is required");
            return MISSING;
        }
        return fallback;
    }

    private void wrongType(String key, String expected, Object value) throws InvalidConfigException {
        if (value == MISSING) {
            return;
        }
        String actual = switch (value) {
            case null -> "null";
            case String s -> "the string \"" + s + "\"";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            default -> value.toString();
        };
        problem("init_config key '" + key + "' must be " + expected + ", not " + actual);
    }
}
