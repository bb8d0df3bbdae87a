package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.Names;

/** The {@code --prefix} of {@code new} and {@code add-capability extract}: the part before the first dot of every field. */
final class FieldPrefixOption {

    private FieldPrefixOption() {
    }

    /**
     * The prefix {@code value} names, without its dot ({@code ka} for {@code ka} or {@code ka.}).
     *
     * @throws IllegalArgumentException naming the option and the rule when the value breaks it
     */
    static String parse(String value) {
        String prefix = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (!Names.FIELD_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("--prefix '" + value + "' is not a field prefix: lowercase letters, digits "
                    + "and '_', starting with a letter, as ka for the fields ka.verb and ka.user");
        }
        return prefix;
    }
}
