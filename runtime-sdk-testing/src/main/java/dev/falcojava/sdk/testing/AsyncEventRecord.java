package dev.falcojava.sdk.testing;

/**
 * An async event a plugin pushed to the harness's handler.
 *
 * @param name      the event name
 * @param data      the payload
 * @param timestamp the timestamp the plugin set ({@code -1}: let the host choose)
 * @param threadId  the thread id the plugin set ({@code -1}: none)
 */
public record AsyncEventRecord(String name, byte[] data, long timestamp, long threadId) {

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }
}
