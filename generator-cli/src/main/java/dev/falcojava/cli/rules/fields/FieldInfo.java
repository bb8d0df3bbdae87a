package dev.falcojava.cli.rules.fields;

/**
 * A field a rule may use.
 *
 * @param name        its full name
 * @param kind        the kind of its values
 * @param typeName    its type as its owner names it, for messages
 * @param list        whether it has a list of values
 * @param arg         its argument rules
 * @param checkValues whether the values it is compared with are checked against its type (the plugin's own fields
 *                    and Falco's fields on plugin sources, whose parsing is known)
 */
public record FieldInfo(String name, ValueKind kind, String typeName, boolean list, ArgRule arg, boolean checkValues) {
}
