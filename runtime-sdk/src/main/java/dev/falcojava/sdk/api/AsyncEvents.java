package dev.falcojava.sdk.api;

import java.nio.charset.StandardCharsets;

/** Where an {@link AsyncPlugin} pushes its events. Safe to call from any thread, concurrently. */
public interface AsyncEvents {

    /** Timestamp or thread id meaning "let the host choose". */
    long UNSET = -1;

    /**
     * Pushes one async event.
     *
     * @param name      one of {@link AsyncPlugin#asyncEvents()}
     * @param data      the payload whose encoding the name stands for
     * @param timestamp nanoseconds since the epoch, or {@link #UNSET} for the time the host receives it
     * @param threadId  the thread the event is about, or {@link #UNSET} for none
     * @throws AsyncEventRejectedException when the host refuses the event
     */
    void push(String name, byte[] data, long timestamp, long threadId);

    /** Pushes an event stamped by the host, about no thread. */
    default void push(String name, byte[] data) {
        push(name, data, UNSET, UNSET);
    }

    /** Pushes an event with a UTF-8 text payload, stamped by the host, about no thread. */
    default void push(String name, String data) {
        push(name, data.getBytes(StandardCharsets.UTF_8));
    }
}
