package dev.falcojava.sdk.api;

import dev.falcojava.sdk.abi.HostLog;

/**
 * Loggers whose lines go to the host's logger (Falco's log, with its severities) through the {@code log_fn} the
 * host passed at init. Before init, or in a host without one, lines go to standard error; never to standard
 * output. The level is {@code INFO} unless changed by {@link #setLevel} or the system property
 * {@code falco.plugin.log.level} (a JVM option in plugin.yaml).
 */
public final class PluginLog {

    private PluginLog() {
    }

    /** A logger whose lines the host attributes to the plugin itself. */
    public static System.Logger logger() {
        return HostLog.logger(null);
    }

    /** A logger whose lines name {@code component}. */
    public static System.Logger logger(String component) {
        return HostLog.logger(component);
    }

    /** Lines below {@code level} are dropped, for every logger of the plugin. */
    public static void setLevel(System.Logger.Level level) {
        HostLog.setLevel(level);
    }
}
