package dev.falcojava.cli.model;

/**
 * A suggested open parameter of a source plugin.
 *
 * @param value       the parameter
 * @param description what it opens, or empty
 * @param separator   the separator when {@code value} joins several parameters, or empty
 */
public record OpenParamSpec(String value, String description, String separator) {
}
