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
            MemorySegment ownerPointer = MemorySegment.ofAddress(owner);
            MethodHandle function = Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(logFn), LOG_FN);
            LogSink.bind((component, level, message) -> {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment componentText = component == null ? MemorySegment.NULL : arena.allocateFrom(component);
                    function.invokeExact(ownerPointer, componentText, arena.allocateFrom(message), severity(level));
                }
            });
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
