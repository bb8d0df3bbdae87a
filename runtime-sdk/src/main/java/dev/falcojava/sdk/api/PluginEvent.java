package dev.falcojava.sdk.api;

/**
 * A read-only view of an event the host passes to the plugin. The view is only valid during the call that
 * received it; copy what must outlive the call.
 *
 * <p>Every event is readable as raw parameters ({@link #paramCount()}, {@link #paramLength}, {@link #copyParam}),
 * syscall events included. Plugin events (type 322) and async events (type 402) also have typed accessors: the
 * producing plugin's id, the payload, and for async events their name.
 */
public interface PluginEvent {

    /** Event type code of plugin events. */
    int PLUGIN_EVENT_TYPE = 322;

    /** Event type code of async events. */
    int ASYNC_EVENT_TYPE = 402;

    /** The host's number for this event, counted from 1. */
    long number();

    /** Timestamp in nanoseconds since the epoch. */
    long timestamp();

    /** The thread id the event is about ({@code -1} for none). */
    long threadId();

    /** The event type code ({@link #PLUGIN_EVENT_TYPE} for plugin events). */
    int type();

    /** The event source the host attributes the event to, for example {@code syscall} or a plugin's source. */
    String source();

    /** The number of parameters. */
    int paramCount();

    /** The length in bytes of parameter {@code index}. */
    int paramLength(int index);

    /** Copies {@code length} bytes of parameter {@code index}, starting at {@code from}, into {@code target}. */
    void copyParam(int index, int from, byte[] target, int offset, int length);

    /** A copy of parameter {@code index}. */
    default byte[] param(int index) {
        byte[] copy = new byte[paramLength(index)];
        copyParam(index, 0, copy, 0, copy.length);
        return copy;
    }

    /** The id of the plugin that produced a plugin or async event. */
    int pluginId();

    /** The name of an async event. */
    String asyncEventName();

    /** Length in bytes of the payload of a plugin or async event. */
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

    /**
     * A read-only view of parameter {@code index}, without copying: valid during the call that received the event
     * only. Each call makes a new view object; for code that must allocate nothing per event, use
     * {@link #copyParam} into a reused array, or the byte methods of {@link ExtractRequest}.
     */
    java.nio.ByteBuffer paramBuffer(int index);

    /** A read-only view of the payload of a plugin or async event, like {@link #paramBuffer}. */
    java.nio.ByteBuffer payloadBuffer();
}
