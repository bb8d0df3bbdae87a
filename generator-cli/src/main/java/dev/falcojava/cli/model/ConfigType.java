package dev.falcojava.cli.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The type of an init_config key or of the items of a list, with the constraints plugin.yaml sets on it. */
public sealed interface ConfigType {

    /** The type names plugin.yaml knows. */
    List<String> NAMES = List.of("int", "long", "integer", "number", "string", "boolean", "enum", "object", "list");

    /** The name in plugin.yaml. */
    String yamlName();

    /**
     * {@code int} (a Java int), {@code long}, or {@code integer}, the name of {@code long} in descriptors before
     * {@code int} existed.
     */
    record Integral(String yamlName, boolean wide, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum)
            implements ConfigType {
    }

    record Decimal(Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) implements ConfigType {
        @Override
        public String yamlName() {
            return "number";
        }
    }

    /** A string that contains a match of {@code pattern} (a regular expression), when there is one. */
    record Text(Optional<String> pattern) implements ConfigType {
        @Override
        public String yamlName() {
            return "string";
        }
    }

    record Bool() implements ConfigType {
        @Override
        public String yamlName() {
            return "boolean";
        }
    }

    /** One of {@code values}, strings, generated as the Java enum {@code javaName}. */
    record Choice(List<String> values, String javaName) implements ConfigType {
        @Override
        public String yamlName() {
            return "enum";
        }
    }

    /** An object with its own keys, generated as the record {@code javaName}. */
    record Group(List<ConfigKey> keys, String javaName) implements ConfigType {
        @Override
        public String yamlName() {
            return "object";
        }

        /** Whether an absent object reads as an empty one: every key has a default or is optional. */
        public boolean omittable() {
            return keys.stream().noneMatch(ConfigKey::required);
        }
    }

    record Items(ConfigType items, int minItems) implements ConfigType {
        @Override
        public String yamlName() {
            return "list";
        }
    }
}
