package dev.falcojava.sdk.logging;

import dev.falcojava.sdk.config.InvalidConfigException;

/**
 * Turns a Throwable from plugin code into the text the host reads with {@code plugin_get_last_error}: the call,
 * the message, where in the plugin's code it was thrown and its causes. A config error is the user's, not the code's: only its message.
 * Log lines describe a thrown exception the same way. Internal to the SDK; not for plugin code.
 */
public final class Failures {

    private static final String SDK_PACKAGE = "dev.falcojava.sdk.";

    private Failures() {
    }

    /** {@code context}, then what {@code failure} says, where the plugin's code threw it and its causes. */
    public static String describe(String context, Throwable failure) {
        if (failure instanceof InvalidConfigException invalid) {
            return context + ": " + invalid.getMessage();
        }
        StringBuilder text = new StringBuilder(context).append(": ");
        Throwable t = failure;
        String message = t.getMessage();
        if (message == null || message.isBlank() || t instanceof Error) {
            text.append(t.getClass().getName());
            if (message != null && !message.isBlank()) {
                text.append(": ").append(message);
            }
        } else {
            text.append(message);
        }
        StackTraceElement where = firstFrameOutsideTheSdk(t.getStackTrace());
        if (where != null) {
            text.append(" (at ").append(where).append(')');
        }
        Throwable cause = t.getCause();
        for (int depth = 0; cause != null && cause != t && depth < 5; depth++) {
            text.append("; caused by ").append(cause);
            t = cause;
            cause = t.getCause();
        }
        return text.toString();
    }

    /** Where the plugin's code was: the first frame outside the SDK (an SDK exception names the plugin's call). */
    private static StackTraceElement firstFrameOutsideTheSdk(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            if (!frame.getClassName().startsWith(SDK_PACKAGE)) {
                return frame;
            }
        }
        return trace.length > 0 ? trace[0] : null;
    }
}
