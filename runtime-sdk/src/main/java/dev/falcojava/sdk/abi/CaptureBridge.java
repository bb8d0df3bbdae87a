package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.CaptureListener;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;

/** The entry points of the capture listening capability. */
final class CaptureBridge {

    private final BridgeContext context;

    CaptureBridge(BridgeContext context) {
        this.context = context;
    }

    int captureOpen(long handle, long listenInput) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            capability(state, CaptureListener.class, "capture listening").captureOpened();
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "capture_open", t);
            return ReturnCode.FAILURE;
        }
    }

    int captureClose(long handle, long listenInput) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            capability(state, CaptureListener.class, "capture listening").captureClosed();
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "capture_close", t);
            return ReturnCode.FAILURE;
        }
    }
}
