package dev.falcojava.sdk.api;

import dev.falcojava.sdk.logging.LogSink;

/**
 * Loggers whose lines go to the host's logger (Falco's log, with its severities) through the {@code log_fn} the
 * host passed at init. SLF4J ({@code org.slf4j.LoggerFactory.getLogger}), {@code java.util.logging} and
 * {@code System.getLogger} lines of the plugin and of the libraries in its jar go the same way, with no set-up.
 * Before init, after the library is released, or in a host without a log function, lines go to standard error with
 * the prefix {@code [falco plugin <name>]}; never to standard output.
 *
 * <p>Messages take SLF4J's {@code {}} placeholders ({@code {0}}, {@code {1}}... also work); values are written
 * without a locale. The level is {@code INFO} unless changed by {@link #setLevel} or the system property
 * {@code falco.plugin.log.level}; it is one level per plugin library, for all its loggers.
 */
public final class PluginLog {

    private PluginLog() {
    }

    /** A logger whose lines the host attributes to the plugin itself. */
    public static System.Logger logger() {
        return LogSink.logger(null);
    }

    /** A logger whose lines name {@code component}, which the host shows instead of the plugin's name. */
    public static System.Logger logger(String component) {
        return LogSink.logger(component);
    }

    /** Lines below {@code level} are dropped, for every logger of the plugin. */
    public static void setLevel(System.Logger.Level level) {
        LogSink.setLevel(level);
    }

    /**
     * Sets the level from its name ({@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error},
     * {@code off}, in any case), for example from a key of the plugin's init_config.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static void setLevel(String level) {
        System.Logger.Level parsed = LogSink.parseLevel(level);
        if (parsed == null) {
            throw new IllegalArgumentException("unknown log level '" + level + "': use trace, debug, info, warn, error or off");
        }
        LogSink.setLevel(parsed);
    }

    /** The lowest level logged. */
    public static System.Logger.Level level() {
        return LogSink.level();
    }
}
