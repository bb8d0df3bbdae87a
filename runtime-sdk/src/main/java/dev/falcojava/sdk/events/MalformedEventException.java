package dev.falcojava.sdk.events;

/**
 * An event whose bytes do not fit its type: a parameter missing, of the wrong width, or with a structure (socket
 * tuple, fd list) that runs past its end. Thrown out of a plugin method, it fails that call with its message, like
 * any exception of the plugin.
 */
public final class MalformedEventException extends RuntimeException {

    private final String eventType;
    private final String param;

    public MalformedEventException(String eventType, String param, String message) {
        super(message);
        this.eventType = eventType;
        this.param = param;
    }

    /** The event type, as in {@code openat_x}; empty when the event's own layout is broken. */
    public String eventType() {
        return eventType;
    }

    /** The name of the parameter that failed; empty when the event's own layout is broken. */
    public String param() {
        return param;
    }
}
