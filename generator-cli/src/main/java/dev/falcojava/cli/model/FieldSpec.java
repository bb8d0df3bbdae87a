package dev.falcojava.cli.model;

import java.util.List;

/**
 * A field of the extraction capability.
 *
 * @param name        the full name, for example {@code demo.count}
 * @param type        its value type
 * @param list        whether it has a list of values
 * @param arg         whether it takes an argument, and which kind
 * @param argRequired whether the argument must be given
 * @param display     the name tools show instead of {@code name}, or empty
 * @param properties  libsinsp field properties: {@code hidden}, {@code info}, {@code conversation}
 * @param addOutput   whether Falco should suggest it in outputs of its event source
 * @param description what it means (shown by {@code falco --list})
 */
public record FieldSpec(String name, FieldType type, boolean list, FieldArg arg, boolean argRequired, String display,
                        List<String> properties, boolean addOutput, String description) {

    /** The field properties libsinsp knows. */
    public static final List<String> PROPERTIES = List.of("hidden", "info", "conversation");

    public FieldSpec {
        properties = List.copyOf(properties);
    }

    /** A single-valued field without argument, display name or properties. */
    public FieldSpec(String name, FieldType type, String description) {
        this(name, type, false, FieldArg.NONE, false, "", List.of(), false, description);
    }
}
