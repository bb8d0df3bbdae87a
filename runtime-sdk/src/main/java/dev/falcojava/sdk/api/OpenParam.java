package dev.falcojava.sdk.api;

import java.util.Objects;

/**
 * A suggested value for {@code open_params}, listed by {@code plugin_list_open_params}.
 *
 * @param value       a string {@link SourcePlugin#open} accepts
 * @param description what it opens, or empty
 * @param separator   the separator when {@code value} joins several parameters, or empty
 */
public record OpenParam(String value, String description, String separator) {

    public OpenParam {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(separator, "separator");
    }

    public OpenParam(String value, String description) {
        this(value, description, "");
    }
}
