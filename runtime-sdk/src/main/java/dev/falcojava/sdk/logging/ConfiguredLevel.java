package dev.falcojava.sdk.logging;

import dev.falcojava.sdk.config.ConfigObject;
import dev.falcojava.sdk.config.InvalidConfigException;

/**
 * The log level an init_config sets: its top-level string key {@value #KEY} ({@code trace}, {@code debug},
 * {@code info}, {@code warn}, {@code error} or {@code off}), applied by the SDK before the plugin's init runs.
 * A plugin with a typed config declares the key in plugin.yaml's {@code config} (type string) so that Falco's
 * schema check accepts it. Internal to the SDK.
 */
public final class ConfiguredLevel {

    public static final String KEY = "log-level";

    private ConfiguredLevel() {
    }

    /** Sets the level of {@code config}'s {@value #KEY}, when it has one. */
    public static void apply(String config) throws InvalidConfigException {
        String name = ConfigObject.peekString(config, KEY);
        if (name == null) {
            return;
        }
        System.Logger.Level level = LogSink.parseLevel(name);
        if (level == null) {
            throw new InvalidConfigException("init_config key '" + KEY + "' is '" + name
                    + "': use trace, debug, info, warn, error or off");
        }
        LogSink.setLevel(level);
    }
}
