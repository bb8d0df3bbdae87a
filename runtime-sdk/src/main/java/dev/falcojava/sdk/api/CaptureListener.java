package dev.falcojava.sdk.api;

/**
 * The capture listening capability: the host tells the plugin when the event capture opens and closes, and lends
 * it its thread pool for {@linkplain Routine routines} during both calls. Implement the methods with a
 * {@link ThreadPool} to subscribe routines, or the ones without.
 */
public interface CaptureListener extends Plugin {

    /** The capture opened; routines subscribed to {@code pool} run until unsubscribed or capture close. */
    default void captureOpened(ThreadPool pool) throws Exception {
        captureOpened();
    }

    /** The capture closed; routines still subscribed after this call are purged by the host. */
    default void captureClosed(ThreadPool pool) throws Exception {
        captureClosed();
    }

    /** The capture opened. */
    default void captureOpened() throws Exception {
    }

    /** The capture closed. */
    default void captureClosed() throws Exception {
    }
}
