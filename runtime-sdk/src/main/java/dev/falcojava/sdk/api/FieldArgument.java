package dev.falcojava.sdk.api;

/** Whether a field takes an argument, as in {@code field[2]} or {@code field[key]}, and of which kind. */
public enum FieldArgument {
    /** No argument: {@code field[...]} is refused by the host. */
    NONE(false, false, false),
    /** An optional numeric argument. */
    OPTIONAL_INDEX(true, false, false),
    /** A numeric argument every use of the field must give. */
    REQUIRED_INDEX(true, false, true),
    /** An optional string argument. */
    OPTIONAL_KEY(false, true, false),
    /** A string argument every use of the field must give. */
    REQUIRED_KEY(false, true, true);

    private final boolean index;
    private final boolean key;
    private final boolean required;

    FieldArgument(boolean index, boolean key, boolean required) {
        this.index = index;
        this.key = key;
        this.required = required;
    }

    /** Whether the argument is a number ({@code isIndex} in the fields JSON). */
    public boolean isIndex() {
        return index;
    }

    /** Whether the argument is a string ({@code isKey} in the fields JSON). */
    public boolean isKey() {
        return key;
    }

    /** Whether the argument must be given ({@code isRequired} in the fields JSON). */
    public boolean isRequired() {
        return required;
    }
}
