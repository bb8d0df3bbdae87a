package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.logging.LogSink;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The host's {@code log_fn}, bound as the {@link LogSink}'s writer from init until the library is released. */
final class HostLog {

    private static final FunctionDescriptor LOG_FN = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT);

    private HostLog() {
    }

    /** Sends the plugin's log lines to {@code logFn} of the host, with {@code owner}; a NULL function is ignored. */
    static void attach(long owner, long logFn) {
        if (logFn != 0) {
            LogSink.bind(new HostLineWriter(MemorySegment.ofAddress(owner), MemorySegment.ofAddress(logFn)));
        }
    }

    /**
     * Writes each line through the host's function. Its downcall handle is linked on the first line, not at init
     * (linking one generates code); a class rather than a lambda, which the JVM would spin at init.
     */
    private static final class HostLineWriter implements LogSink.LineWriter {
        private final MemorySegment owner;
        private final MemorySegment logFn;
        private volatile MethodHandle function;

        HostLineWriter(MemorySegment owner, MemorySegment logFn) {
            this.owner = owner;
            this.logFn = logFn;
        }

        @Override
        public void write(String component, System.Logger.Level level, String message) throws Throwable {
            MethodHandle call = function;
            if (call == null) {
                call = Linker.nativeLinker().downcallHandle(logFn, LOG_FN);
                function = call;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment componentText = component == null ? MemorySegment.NULL : arena.allocateFrom(component);
                call.invokeExact(owner, componentText, arena.allocateFrom(message), severity(level));
            }
        }
    }

    /** Sends lines to standard error again: the host's log function is gone once the library is released. */
    static void detach() {
        LogSink.unbind();
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
}
