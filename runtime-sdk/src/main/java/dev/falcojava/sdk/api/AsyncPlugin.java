package dev.falcojava.sdk.api;

import java.util.List;

/**
 * The async events capability: the plugin pushes events into the host's live event stream from threads of its
 * own. Every event name must be one of {@link #asyncEvents()}.
 */
public interface AsyncPlugin extends Plugin {

    /** The names of the async events the plugin may push (declared in plugin.yaml). */
    List<String> asyncEvents();

    /**
     * Starts producing events into {@code events}, typically on a thread of the plugin. Called when the host sets
     * its async event handler; returns promptly.
     */
    void startAsync(AsyncEvents events) throws Exception;

    /**
     * Stops producing events and waits until no thread of the plugin uses the {@link AsyncEvents} given to
     * {@link #startAsync} any more: once this returns, the host's handler is gone.
     */
    void stopAsync() throws Exception;
}
