package dev.falcojava.sdk.api;

/** The outcome of {@link SourceInstance#nextBatch}. */
public enum BatchResult {
    /** The batch holds one or more events. */
    EVENTS,
    /** No event is ready now; the host will ask again. */
    TIMEOUT,
    /** The stream has ended. */
    END_OF_STREAM
}
