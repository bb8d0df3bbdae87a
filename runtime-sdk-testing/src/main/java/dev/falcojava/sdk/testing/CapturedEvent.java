package dev.falcojava.sdk.testing;

import java.nio.charset.StandardCharsets;

/**
 * A plugin event copied out of a batch, or made by a test.
 *
 * @param number    the number the harness gave it, counted from 1 in the order events were taken
 * @param timestamp the timestamp the plugin set ({@code -1} asks the host to stamp it)
 * @param pluginId  the plugin id written in the event
 * @param payload   the event data
 * @param threadId  the thread id of the event header ({@code -1}: no thread)
 */
public record CapturedEvent(long number, long timestamp, int pluginId, byte[] payload, long threadId)
        implements HarnessEvent {

    /** An event of no thread. */
    public CapturedEvent(long number, long timestamp, int pluginId, byte[] payload) {
        this(number, timestamp, pluginId, payload, -1L);
    }

    /** This event with the thread id {@code tid}, as an event of that thread in the threads table. */
    public CapturedEvent withThreadId(long tid) {
        return new CapturedEvent(number, timestamp, pluginId, payload, tid);
    }

    /** The payload decoded as UTF-8. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
