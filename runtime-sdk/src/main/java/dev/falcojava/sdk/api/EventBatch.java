package dev.falcojava.sdk.api;

import java.nio.ByteBuffer;

/**
 * The events a {@link SourceInstance} delivers in one {@code next_batch} call. Each added payload is copied
 * once, directly into the native memory the host reads.
 */
public interface EventBatch {

    /** Timestamp value that lets the host stamp the event with the time it receives it. */
    long HOST_TIMESTAMP = -1L;

    /** Adds a plugin event whose payload is {@code payload}, stamped by the host. */
    default void add(byte[] payload) {
        add(HOST_TIMESTAMP, payload, 0, payload.length);
    }

    /** Adds a plugin event whose payload is the UTF-8 encoding of {@code text}, stamped by the host. */
    void add(CharSequence text);

    /** Adds a plugin event with an explicit timestamp in nanoseconds since the epoch. */
    void add(long timestampNanos, byte[] payload, int offset, int length);

    /** Adds a plugin event whose payload is the remaining bytes of {@code payload}, stamped by the host. */
    void add(ByteBuffer payload);

    /** Number of events added so far in this batch. */
    int size();
}
