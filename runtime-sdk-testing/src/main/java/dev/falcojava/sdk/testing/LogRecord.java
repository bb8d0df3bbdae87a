package dev.falcojava.sdk.testing;

/**
 * A line the plugin logged through the host's log function.
 *
 * @param component the component the line names, or {@code null} for the plugin itself
 * @param message   the text
 * @param severity  the {@code ss_plugin_log_severity} (3 error, 4 warning, 6 info, 7 debug, 8 trace)
 */
public record LogRecord(String component, String message, int severity) {
}
