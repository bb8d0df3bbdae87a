package dev.falcojava.sdk.api;

/** A routine subscribed to the host's thread pool, to {@linkplain ThreadPool#unsubscribe unsubscribe} it. */
public interface RoutineHandle {

    /** The name the routine was subscribed with, used in log lines. */
    String name();
}
