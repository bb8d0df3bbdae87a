package dev.falcojava.cli.model;

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

    public static Optional<FieldArg> fromYaml(String name) {
        return Arrays.stream(values()).filter(arg -> arg.yamlName.equals(name)).findFirst();
    }
}
