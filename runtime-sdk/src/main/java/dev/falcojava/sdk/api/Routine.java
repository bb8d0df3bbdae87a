package dev.falcojava.sdk.api;

/**
 * Work a capture listener runs on the host's thread pool: the host calls it again and again, on its pool's threads,
 * until it returns {@code false} or is unsubscribed. A routine that throws is unsubscribed, and the exception logged.
 */
@FunctionalInterface
public interface Routine {

    /** One iteration; {@code true} to be run again. */
    boolean run() throws Exception;
}
