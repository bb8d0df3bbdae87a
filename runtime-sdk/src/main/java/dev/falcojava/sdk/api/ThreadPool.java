package dev.falcojava.sdk.api;

/**
 * The host's thread pool, given to {@link CaptureListener#captureOpened(ThreadPool)} and
 * {@link CaptureListener#captureClosed(ThreadPool)}, and usable only during those calls (the host's routine
 * vtable is valid only then). Routines run concurrently with the host's other calls into the plugin: state they
 * share with them must be thread-safe. A routine never runs twice at the same time.
 */
public interface ThreadPool {

    /**
     * Subscribes {@code routine}: the host runs it on its pool until it returns {@code false}, throws, or is
     * unsubscribed.
     *
     * @param name names the routine in log lines
     * @throws IllegalStateException outside capture open and close, or when the host has no thread pool (Falco
     *         builds libsinsp without one: its {@code subscribe} returns NULL)
     */
    RoutineHandle subscribe(String name, Routine routine);

    /**
     * Unsubscribes a routine of this plugin: it is not started again (an iteration already running finishes).
     *
     * @return {@code false} when the host no longer had it (it ended or was unsubscribed before)
     * @throws IllegalStateException outside capture open and close
     */
    boolean unsubscribe(RoutineHandle handle);
}
