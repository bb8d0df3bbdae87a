package dev.falcojava.cli.model;

import dev.falcojava.sdk.api.FieldArgument;

import java.util.Arrays;
import java.util.Optional;

/** Whether a field takes an argument ({@code field[2]} or {@code field[key]}), as plugin.yaml's {@code arg} says. */
public enum FieldArg {
    NONE("none"),
    INDEX("index"),
    KEY("key");

    private final String yamlName;

    FieldArg(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The SDK's {@link FieldArgument} of a field with this kind of argument, required or not. */
    public FieldArgument sdk(boolean required) {
        return switch (this) {
            case NONE -> FieldArgument.NONE;
            case INDEX -> required ? FieldArgument.REQUIRED_INDEX : FieldArgument.OPTIONAL_INDEX;
            case KEY -> required ? FieldArgument.REQUIRED_KEY : FieldArgument.OPTIONAL_KEY;
        };
    }

    public static Optional<FieldArg> fromYaml(String name) {
        return Arrays.stream(values()).filter(arg -> arg.yamlName.equals(name)).findFirst();
    }
}
