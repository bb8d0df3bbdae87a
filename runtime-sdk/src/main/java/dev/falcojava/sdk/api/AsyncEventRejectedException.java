package dev.falcojava.sdk.api;

/** The host refused an async event, or the handler the event was pushed to was withdrawn. */
public class AsyncEventRejectedException extends RuntimeException {

    public AsyncEventRejectedException(String message) {
        super(message);
    }
}
