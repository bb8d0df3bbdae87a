package dev.falcojava.sdk.api;

/** The capture listening capability: the host tells the plugin when the event capture opens and closes. */
public interface CaptureListener extends Plugin {

    /** The capture opened. */
    void captureOpened() throws Exception;

    /** The capture closed. */
    void captureClosed() throws Exception;
}
