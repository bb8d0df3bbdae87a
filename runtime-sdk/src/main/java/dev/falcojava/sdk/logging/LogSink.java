package dev.falcojava.sdk.logging;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The sink of every logger of one plugin library ({@link dev.falcojava.sdk.api.PluginLog} loggers, SLF4J,
 * {@code java.util.logging} and {@code System.Logger}): the level, and the {@link LineWriter} the bridge binds at
 * init (the host's {@code log_fn}), or standard error, with a prefix naming the plugin, before init, after the
 * library is released and in hosts without one. Every plugin library has its own class loader and so its own copy
 * of this class: its own writer and level. Internal to the SDK; not for plugin code.
 */
public final class LogSink {

    /** Where enabled lines go; bound by the bridge, which knows the host's log function. */
    @FunctionalInterface
    public interface LineWriter {
        /** Writes one line; {@code component} is {@code null} for the plugin itself. A throw sends it to standard error. */
        void write(String component, System.Logger.Level level, String message) throws Throwable;
    }

    private static volatile LineWriter writer;
    private static volatile String pluginName = "plugin";
    private static volatile System.Logger.Level level = initialLevel();

    private LogSink() {
    }

    /** Sends every line to {@code lineWriter} from now on. */
    public static void bind(LineWriter lineWriter) {
        writer = Objects.requireNonNull(lineWriter, "line writer");
    }

    /** Sends lines to standard error again. */
    public static void unbind() {
        writer = null;
    }

    /** The name standard error lines carry; blank names are ignored. */
    public static void name(String name) {
        if (name != null && !name.isBlank()) {
            pluginName = name;
        }
    }

    /** A logger for {@code component} ({@code null}: the plugin itself). */
    public static System.Logger logger(String component) {
        return new SinkLogger(component);
    }

    /** Lines below {@code minimum} are dropped. */
    public static void setLevel(System.Logger.Level minimum) {
        level = Objects.requireNonNull(minimum, "level");
        JulRoutes.lowerRootLevel(minimum);
    }

    /** The lowest level logged. */
    public static System.Logger.Level level() {
        return level;
    }

    /**
     * The level a name gives: {@code trace}, {@code debug}, {@code info}, {@code warn} or {@code warning},
     * {@code error}, {@code off}, in any case; {@code null} for any other text.
     */
    public static System.Logger.Level parseLevel(String name) {
        return switch (name == null ? "" : name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> System.Logger.Level.TRACE;
            case "DEBUG" -> System.Logger.Level.DEBUG;
            case "INFO" -> System.Logger.Level.INFO;
            case "WARN", "WARNING" -> System.Logger.Level.WARNING;
            case "ERROR" -> System.Logger.Level.ERROR;
            case "OFF" -> System.Logger.Level.OFF;
            default -> null;
        };
    }

    private static System.Logger.Level initialLevel() {
        System.Logger.Level parsed = parseLevel(System.getProperty("falco.plugin.log.level", "INFO"));
        return parsed == null ? System.Logger.Level.INFO : parsed;
    }

    /** Whether lines of {@code candidate} are logged. */
    public static boolean enabled(System.Logger.Level candidate) {
        System.Logger.Level minimum = level;
        return candidate != System.Logger.Level.OFF && minimum != System.Logger.Level.OFF
                && candidate.getSeverity() >= minimum.getSeverity();
    }

    /**
     * Writes one line when its level is enabled; never throws. {@code component} is what the host shows instead of
     * the plugin's name ({@code null}: the plugin's name); {@code thrown}, when given, is described after the text.
     */
    public static void log(String component, System.Logger.Level lineLevel, String message, Throwable thrown) {
        if (!enabled(lineLevel)) {
            return;
        }
        String text = message == null ? "" : message;
        if (thrown != null) {
            text = text + ": " + describe(thrown);
        }
        write(component, lineLevel, text);
    }

    private static String describe(Throwable thrown) {
        try {
            return Failures.describe(thrown.getClass().getName(), thrown);
        } catch (RuntimeException e) {
            return thrown.getClass().getName();
        }
    }

    private static void write(String component, System.Logger.Level lineLevel, String message) {
        LineWriter current = writer;
        if (current == null) {
            toStandardError(component, lineLevel, message, null);
            return;
        }
        try {
            current.write(component, lineLevel, message);
        } catch (Throwable t) {
            toStandardError(component, lineLevel, message, t);
        }
    }

    private static void toStandardError(String component, System.Logger.Level lineLevel, String message, Throwable failure) {
        System.err.println("[falco plugin " + pluginName + "] " + lineLevel + " " + (component == null ? "" : component + ": ")
                + message + (failure == null ? "" : " (the host's log function failed: " + failure + ")"));
    }

    private record SinkLogger(String component) implements System.Logger {

        @Override
        public String getName() {
            return component == null ? "plugin" : component;
        }

        @Override
        public boolean isLoggable(Level candidate) {
            return enabled(candidate);
        }

        @Override
        public void log(Level lineLevel, ResourceBundle bundle, String message, Throwable thrown) {
            LogSink.log(component, lineLevel, message, thrown);
        }

        @Override
        public void log(Level lineLevel, ResourceBundle bundle, String format, Object... params) {
            if (enabled(lineLevel)) {
                LogFormat.Line line = LogFormat.format(format, params);
                LogSink.log(component, lineLevel, line.text(), line.thrown());
            }
        }

        @Override
        public void log(Level lineLevel, Supplier<String> message) {
            if (enabled(lineLevel)) {
                LogSink.log(component, lineLevel, message.get(), null);
            }
        }
    }
}
