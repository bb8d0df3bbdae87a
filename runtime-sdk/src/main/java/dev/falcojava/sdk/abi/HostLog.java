package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.logging.JulRoutes;
import dev.falcojava.sdk.logging.LogFormat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The sink of every logger of one plugin library (its {@link dev.falcojava.sdk.api.PluginLog} loggers, SLF4J,
 * {@code java.util.logging} and {@code System.Logger}): the host's {@code log_fn} with the owner passed at init, or
 * standard error, with a prefix naming the plugin, before init, after the library is released and in hosts without
 * one. Every plugin library has its own class loader and so its own copy of this class: its own sink and level.
 * Internal to the SDK; not for plugin code.
 */
public final class HostLog {

    private static final FunctionDescriptor LOG_FN = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT);

    private record Sink(MemorySegment owner, MethodHandle logFn) {
    }

    private static volatile Sink sink;
    private static volatile String pluginName = "plugin";
    private static volatile System.Logger.Level level = initialLevel();

    private HostLog() {
    }

    /** Sends the plugin's log lines to {@code logFn} of the host, with {@code owner}; a NULL function is ignored. */
    static void attach(long owner, long logFn) {
        if (logFn != 0) {
            sink = new Sink(MemorySegment.ofAddress(owner),
                    Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(logFn), LOG_FN));
        }
    }

    /** Sends lines to standard error again: the host's log function is gone once the library is released. */
    static void detach() {
        sink = null;
    }

    /** The name standard error lines carry. */
    static void name(String name) {
        if (name != null && !name.isBlank()) {
            pluginName = name;
        }
    }

    /** A logger for {@code component} ({@code null}: the plugin itself). */
    public static System.Logger logger(String component) {
        return new HostLogger(component);
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

    /**
     * The {@code ss_plugin_log_severity} of a level: error 3, warning 4, info 6, and debug 7 for debug and trace
     * alike, as Falco shows both as debug.
     */
    static int severity(System.Logger.Level level) {
        return switch (level) {
            case ERROR -> 3;
            case WARNING -> 4;
            case INFO -> 6;
            case DEBUG, TRACE, ALL -> 7;
            case OFF -> 0;
        };
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
        Sink current = sink;
        if (current == null) {
            toStandardError(component, lineLevel, message, null);
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment componentText = component == null ? MemorySegment.NULL : arena.allocateFrom(component);
            current.logFn().invokeExact(current.owner(), componentText, arena.allocateFrom(message), severity(lineLevel));
        } catch (Throwable t) {
            toStandardError(component, lineLevel, message, t);
        }
    }

    private static void toStandardError(String component, System.Logger.Level lineLevel, String message, Throwable failure) {
        System.err.println("[falco plugin " + pluginName + "] " + lineLevel + " " + (component == null ? "" : component + ": ")
                + message + (failure == null ? "" : " (the host's log function failed: " + failure + ")"));
    }

    private record HostLogger(String component) implements System.Logger {

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
            HostLog.log(component, lineLevel, message, thrown);
        }

        @Override
        public void log(Level lineLevel, ResourceBundle bundle, String format, Object... params) {
            if (enabled(lineLevel)) {
                LogFormat.Line line = LogFormat.format(format, params);
                HostLog.log(component, lineLevel, line.text(), line.thrown());
            }
        }

        @Override
        public void log(Level lineLevel, Supplier<String> message) {
            if (enabled(lineLevel)) {
                HostLog.log(component, lineLevel, message.get(), null);
            }
        }
    }
}
