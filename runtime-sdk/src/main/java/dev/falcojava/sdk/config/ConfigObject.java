package dev.falcojava.sdk.config;

import java.util.List;
import java.util.Map;

/**
 * A JSON object of an init_config (the whole config, or an object inside it), read key by key with the types
 * plugin.yaml declares. The generated config records read through it; every problem names the JSON pointer of its
 * value, like {@code /aws/region: must be a string, not 5}, and {@link #check()} reports every problem at once.
 */
public final class ConfigObject {

    private final ConfigProblems problems;
    private final String pointer;
    private final Map<String, Object> values;
    /** Whether the legacy readers ({@link #string} and the like) fail at the first problem. */
    private final boolean failFast;

    ConfigObject(ConfigProblems problems, String pointer, Map<String, Object> values, List<String> keys) {
        this(problems, pointer, values, keys, false);
    }

    private ConfigObject(ConfigProblems problems, String pointer, Map<String, Object> values, List<String> keys,
                         boolean failFast) {
        this.problems = problems;
        this.pointer = pointer;
        this.values = values;
        this.failFast = failFast;
        if (keys != null) {
            for (String key : values.keySet()) {
                if (!keys.contains(key)) {
                    problems.add(ConfigProblems.child(pointer, key), "is unknown (known: " + String.join(", ", keys) + ")");
                }
            }
        }
    }

    /**
     * Parses {@code json} (an empty or blank text is an empty object) and collects the problems of its keys: those
     * not in {@code keys} now, those of the reads that follow until {@link #check()}, which reports them all.
     *
     * @throws InvalidConfigException when the text is not a JSON object
     */
    public static ConfigObject reading(String json, List<String> keys) throws InvalidConfigException {
        return new ConfigObject(new ConfigProblems(), "", object(json), keys, false);
    }

    /**
     * Parses {@code json} like {@link #reading}, but fails at once: at an unknown key, and at the first problem of
     * the readers {@link #string}, {@link #integer}, {@link #number} and {@link #bool}.
     *
     * @throws InvalidConfigException when the text is not a JSON object or has an unknown key
     */
    public static ConfigObject parse(String json, List<String> keys) throws InvalidConfigException {
        ConfigObject config = new ConfigObject(new ConfigProblems(), "", object(json), keys, true);
        config.check();
        return config;
    }

    /** Fails with every problem found so far in the whole config, one after the other. */
    public void check() throws InvalidConfigException {
        problems.check();
    }

    /** The value of {@code key}, which may be absent. */
    public ConfigValue value(String key) {
        return new ConfigValue(problems, ConfigProblems.child(pointer, key), values.containsKey(key), values.get(key));
    }

    /** How many problems the whole config has so far. */
    int problemCount() {
        return problems.size();
    }

    /** Records a problem of this object as a whole. */
    void problem(String message) {
        problems.add(pointer, message);
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
        return failFast(value(key).asString(fallback, null));
    }

    /** An integer value of the long range. */
    public long integer(String key, Long fallback) throws InvalidConfigException {
        return failFast(value(key).asLong(fallback, null, null));
    }

    /** A number value; integers are accepted. */
    public double number(String key, Double fallback) throws InvalidConfigException {
        return failFast(value(key).asNumber(fallback, null, null));
    }

    /** A boolean value. */
    public boolean bool(String key, Boolean fallback) throws InvalidConfigException {
        return failFast(value(key).asBoolean(fallback));
    }

    private <T> T failFast(T read) throws InvalidConfigException {
        if (failFast) {
            problems.checkAndForget();
        }
        return read;
    }
}
