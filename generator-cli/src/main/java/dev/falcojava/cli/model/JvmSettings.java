package dev.falcojava.cli.model;

import java.util.List;

/**
 * How the plugin's JVM is started when the plugin is the first Java plugin in the process.
 *
 * @param options  JVM options, for example {@code -Xmx64m}
 * @param javaHome an explicit Java home to use first, or empty
 */
public record JvmSettings(List<String> options, String javaHome) {

    public static final List<String> DEFAULT_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m");

    public JvmSettings {
        options = List.copyOf(options);
    }
}
