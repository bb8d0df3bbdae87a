package dev.falcojava.cli.generation;

/**
 * One init_config key as the templates see it.
 *
 * @param jKey            the key in a Java string literal
 * @param javaName        the record component
 * @param javaType        its Java type
 * @param reader          the ConfigObject method that reads it
 * @param required        whether the key has no default
 * @param jDefault        the default in the form a Java literal of its type takes (escaped for strings)
 * @param kind            its config type name, to pick the literal form in templates
 * @param docDescription  the description in Javadoc
 * @param yamlKey         the key as a YAML scalar
 * @param yamlType        the type as written in plugin.yaml
 * @param yamlDescription the description as a YAML scalar
 * @param yamlDefault     the default as a YAML scalar
 * @param last            whether it is the last key
 */
public record ConfigKeyView(String jKey, String javaName, String javaType, String reader, boolean required,
                            String jDefault, String kind, String docDescription, String yamlKey, String yamlType,
                            String yamlDescription, String yamlDefault, boolean last) {

    public boolean isString() {
        return kind.equals("string");
    }

    public boolean isInteger() {
        return kind.equals("integer");
    }

    public boolean isNumber() {
        return kind.equals("number");
    }

    public boolean isBoolean() {
        return kind.equals("boolean");
    }
}
