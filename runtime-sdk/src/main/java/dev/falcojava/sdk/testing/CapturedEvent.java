package dev.falcojava.sdk.testing;

import java.nio.charset.StandardCharsets;

/**
 * A plugin event copied out of a batch.
 *
 * @param number    the number the harness gave it, counted from 1 in the order events were taken
 * @param timestamp the timestamp the plugin set ({@code -1} asks the host to stamp it)
 * @param pluginId  the plugin id written in the event
 * @param payload   the event data
 */
public record CapturedEvent(long number, long timestamp, int pluginId, byte[] payload) {

    /** The payload decoded as UTF-8. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
