package dev.falcojava.sdk.api;

/**
 * An async plugin that writes its state into capture files ({@code plugin_dump_state}, with {@code dump-state: true}
 * under {@code async} in plugin.yaml): when the host starts writing a capture file, the plugin pushes async events
 * that let a later reader of the file rebuild its state. libsinsp accepts only async events the plugin declares.
 */
public interface StateDumper extends AsyncPlugin {

    /**
     * Pushes the plugin's state as async events into {@code dump}, which is valid during this call only and is
     * not the live stream of {@link #startAsync}.
     */
    void dumpState(AsyncEvents dump) throws Exception;
}
