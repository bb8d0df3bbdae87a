package dev.falcojava.sdk.api;

/**
 * A read-only view of an event the host passes to the plugin. The view is only valid during the call that
 * received it; copy what must outlive the call.
 */
public interface PluginEvent {

    /** Event type code of plugin events. */
    int PLUGIN_EVENT_TYPE = 322;

    /** The host's number for this event, counted from 1. */
    long number();

    /** Timestamp in nanoseconds since the epoch. */
    long timestamp();

    /** The event type code ({@link #PLUGIN_EVENT_TYPE} for plugin events). */
    int type();

    /** The id of the plugin that produced a plugin event. */
    int pluginId();

    /** Length in bytes of the payload of a plugin event. */
    int payloadLength();

    /** One byte of the payload. */
    byte payloadByte(int index);

    /** Copies {@code length} payload bytes starting at {@code from} into {@code target} at {@code offset}. */
    void copyPayload(int from, byte[] target, int offset, int length);

    /** A copy of the whole payload. */
    default byte[] payload() {
        byte[] copy = new byte[payloadLength()];
        copyPayload(0, copy, 0, copy.length);
        return copy;
    }

    /** The payload decoded as UTF-8. */
    String payloadAsString();
}
