package dev.falcojava.sdk.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One value of an init_config, at its JSON pointer, or the absence of a key. The typed readers never throw: a value
 * that does not fit records a problem naming its pointer and reads as a placeholder, and the
 * {@link ConfigObject#check()} of the config reports every problem at once. A {@code fallback} of {@code null}
 * means the key is required. The generated config records read through it.
 */
public final class ConfigValue {

    private final ConfigProblems problems;
    private final String pointer;
    private final boolean present;
    private final Object value;

    ConfigValue(ConfigProblems problems, String pointer, boolean present, Object value) {
        this.problems = problems;
        this.pointer = pointer;
        this.present = present;
        this.value = value;
    }

    /** Whether the key is in the config. */
    public boolean present() {
        return present;
    }

    /** The JSON pointer of the value, like {@code /aws/region}. */
    public String pointer() {
        return pointer;
    }

    /** The value when present, else empty; {@code reader} reads it. For keys that are optional without a default. */
    public <T> Optional<T> optional(Function<ConfigValue, T> reader) {
        return present ? Optional.of(reader.apply(this)) : Optional.empty();
    }

    /** A string, which contains a match of {@code pattern} when that is not null. */
    public String asString(String fallback, String pattern) {
        if (!present) {
            return fallback != null ? fallback : missing("");
        }
        if (!(value instanceof String s)) {
            return wrongType("a string", "");
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(s).find()) {
            problems.add(pointer, "must match the pattern " + pattern + ", not " + describe(s));
        }
        return s;
    }

    /** An integer of the long range, from {@code minimum} to {@code maximum} when they are not null. */
    public long asLong(Long fallback, Long minimum, Long maximum) {
        if (!present) {
            return fallback != null ? fallback : missing(0L);
        }
        if (!(value instanceof Long l)) {
            return wrongType(value instanceof BigInteger ? "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    : "an integer", 0L);
        }
        inRange(l, minimum, maximum);
        return l;
    }

    /** An integer of the int range, from {@code minimum} to {@code maximum} when they are not null. */
    public int asInt(Integer fallback, Long minimum, Long maximum) {
        if (!present) {
            return fallback != null ? fallback : missing(0);
        }
        if (!(value instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            return wrongType(value instanceof Long || value instanceof BigInteger
                    ? "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "an integer", 0);
        }
        inRange(l, minimum, maximum);
        return (int) (long) l;
    }

    /** A number (integers are accepted), from {@code minimum} to {@code maximum} when they are not null. */
    public double asNumber(Double fallback, Double minimum, Double maximum) {
        if (!present) {
            return fallback != null ? fallback : missing(0.0);
        }
        if (!(value instanceof Number n)) {
            return wrongType("a number", 0.0);
        }
        double d = n.doubleValue();
        if (minimum != null && d < minimum) {
            problems.add(pointer, "must be at least " + minimum + ", not " + value);
        } else if (maximum != null && d > maximum) {
            problems.add(pointer, "must be at most " + maximum + ", not " + value);
        }
        return d;
    }

    public boolean asBoolean(Boolean fallback) {
        if (!present) {
            return fallback != null ? fallback : missing(false);
        }
        return value instanceof Boolean b ? b : wrongType("true or false", false);
    }

    /** One of {@code constants}, written in JSON as the string of the same index in {@code names}. */
    public <E> E asEnum(List<String> names, List<E> constants, E fallback) {
        if (!present) {
            return fallback != null ? fallback : missing(constants.getFirst());
        }
        int index = value instanceof String s ? names.indexOf(s) : -1;
        return index >= 0 ? constants.get(index) : wrongType("one of " + String.join(", ", names), constants.getFirst());
    }

    /**
     * An object with the keys {@code keys}, read by {@code reader}. When absent it is read as an empty object if
     * {@code emptyWhenAbsent} (its keys all have defaults), else it is required.
     */
    public <T> T asObject(List<String> keys, Function<ConfigObject, T> reader, boolean emptyWhenAbsent) {
        if (!present && emptyWhenAbsent) {
            return reader.apply(new ConfigObject(problems, pointer, Map.of(), keys));
        }
        if (!present || !(value instanceof Map<?, ?>)) {
            if (present) {
                wrongType("an object", null);
            } else {
                problems.add(pointer, "is required");
            }
            // the placeholder's own problems would repeat this one
            return reader.apply(new ConfigObject(new ConfigProblems(), pointer, Map.of(), null));
        }
        Map<?, ?> map = (Map<?, ?>) value;
        @SuppressWarnings("unchecked")
        Map<String, Object> entries = (Map<String, Object>) map;
        return reader.apply(new ConfigObject(problems, pointer, entries, keys));
    }

    /** A list of at least {@code minItems} items, each read by {@code item}; {@code fallback} when absent. */
    public <T> List<T> asList(Function<ConfigValue, T> item, List<T> fallback, int minItems) {
        if (!present) {
            return fallback != null ? fallback : missing(List.of());
        }
        if (!(value instanceof List<?> list)) {
            return wrongType("an array", List.of());
        }
        if (list.size() < minItems) {
            problems.add(pointer, "must have at least " + minItems + (minItems == 1 ? " item" : " items") + ", not "
                    + list.size());
        }
        List<T> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            items.add(item.apply(new ConfigValue(problems, pointer + "/" + i, true, list.get(i))));
        }
        return java.util.Collections.unmodifiableList(items);
    }

    private void inRange(long l, Long minimum, Long maximum) {
        if (minimum != null && l < minimum) {
            problems.add(pointer, "must be at least " + minimum + ", not " + l);
        } else if (maximum != null && l > maximum) {
            problems.add(pointer, "must be at most " + maximum + ", not " + l);
        }
    }

    private <T> T missing(T placeholder) {
        problems.add(pointer, "is required");
        return placeholder;
    }

    private <T> T wrongType(String expected, T placeholder) {
        problems.add(pointer, "must be " + expected + ", not " + describe(value));
        return placeholder;
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "the string \"" + s + "\"";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            default -> value.toString();
        };
    }
}
