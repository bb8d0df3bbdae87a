package dev.falcojava.cli.rules.fields;

/**
 * Whether a field takes an argument in brackets.
 *
 * @param accepted whether it takes one at all
 * @param required whether it must be given
 * @param index    whether it must be a number ({@code field[2]}); false for a key or when the kind is not known
 */
public record ArgRule(boolean accepted, boolean required, boolean index) {

    public static final ArgRule NONE = new ArgRule(false, false, false);
}
