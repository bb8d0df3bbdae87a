package dev.falcojava.sdk.api;

/**
 * One open stream of events. The host calls {@link #nextBatch} repeatedly, then {@link #close}.
 *
 * <p>The SDK writes the batch straight into native memory; a batch may hold many events, and filling it
 * with several events per call is what keeps sourcing cheap.
 */
public interface SourceInstance extends AutoCloseable {

    /**
     * Fills {@code batch} with the next events.
     *
     * @return {@link BatchResult#EVENTS} when at least one event was added, {@link BatchResult#TIMEOUT} when
     *         none is ready yet (the host calls again later), {@link BatchResult#END_OF_STREAM} when the stream is
     *         over (events added in the same call are still delivered)
     */
    BatchResult nextBatch(EventBatch batch) throws Exception;

    /** How far the stream has been read, or {@code null} when unknown (the default). */
    default Progress progress() throws Exception {
        return null;
    }

    @Override
    default void close() throws Exception {
    }
}
