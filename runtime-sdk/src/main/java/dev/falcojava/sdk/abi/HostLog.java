package dev.falcojava.sdk.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The sink of the plugin's loggers: the host's {@code log_fn} (with the owner passed at init), or standard error
 * before init and in hosts without one. Backs {@link dev.falcojava.sdk.api.PluginLog}; not for plugin code.
 */
public final class HostLog {

    private static final FunctionDescriptor LOG_FN = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT);

    private record Sink(MemorySegment owner, MethodHandle logFn) {
    }

    private static volatile Sink sink;
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

    /** A logger for {@code component} ({@code null}: the plugin itself). */
    public static System.Logger logger(String component) {
        return new HostLogger(component);
    }

    /** Lines below {@code minimum} are dropped. */
    public static void setLevel(System.Logger.Level minimum) {
        level = java.util.Objects.requireNonNull(minimum, "level");
    }

    private static System.Logger.Level initialLevel() {
        String name = System.getProperty("falco.plugin.log.level", "INFO").trim().toUpperCase(Locale.ROOT);
        for (System.Logger.Level candidate : System.Logger.Level.values()) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        return System.Logger.Level.INFO;
    }

    /** The {@code ss_plugin_log_severity} of a level. */
    static int severity(System.Logger.Level level) {
        return switch (level) {
            case ERROR -> 3;
            case WARNING -> 4;
            case INFO -> 6;
            case DEBUG -> 7;
            case TRACE, ALL -> 8;
            case OFF -> 0;
        };
    }

    static boolean enabled(System.Logger.Level candidate) {
        return candidate != System.Logger.Level.OFF && candidate.getSeverity() >= level.getSeverity()
                && level != System.Logger.Level.OFF;
    }

    static void write(String component, System.Logger.Level lineLevel, String message) {
        Sink current = sink;
        if (current == null) {
            System.err.println("[" + lineLevel + "] " + (component == null ? "" : component + ": ") + message);
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment componentText = component == null ? MemorySegment.NULL : arena.allocateFrom(component);
            current.logFn().invokeExact(current.owner(), componentText, arena.allocateFrom(message), severity(lineLevel));
        } catch (Throwable t) {
            System.err.println("[" + lineLevel + "] " + message + " (the host's log function failed: " + t + ")");
        }
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
            if (enabled(lineLevel)) {
                String text = message == null ? "" : message;
                write(component, lineLevel, thrown == null ? text : text + ": " + thrown);
            }
        }

        @Override
        public void log(Level lineLevel, ResourceBundle bundle, String format, Object... params) {
            if (enabled(lineLevel)) {
                String text = format == null ? "" : params == null || params.length == 0 ? format
                        : MessageFormat.format(format, params);
                write(component, lineLevel, text);
            }
        }

        @Override
        public void log(Level lineLevel, Supplier<String> message) {
            if (enabled(lineLevel)) {
                write(component, lineLevel, message.get());
            }
        }
    }
}
