package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.tables.TableCall;
import dev.falcojava.sdk.api.CaptureListener;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;
import static dev.falcojava.sdk.abi.Layouts.*;

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
            CaptureListener listener = capability(state, CaptureListener.class, "capture listening");
            begin(state, TableCall.CAPTURE_OPEN, listenInput);
            try {
                listener.captureOpened();
            } finally {
                state.tableCall.end();
            }
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
            CaptureListener listener = capability(state, CaptureListener.class, "capture listening");
            begin(state, TableCall.CAPTURE_CLOSE, listenInput);
            try {
                listener.captureClosed();
            } finally {
                state.tableCall.end();
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "capture_close", t);
            return ReturnCode.FAILURE;
        }
    }

    private static void begin(PluginState state, String call, long listenInput) {
        if (listenInput != 0) {
            state.tableCall.begin(call, NativeMemory.pointer(listenInput + CAPTURE_INPUT_OWNER),
                    NativeMemory.pointer(listenInput + CAPTURE_INPUT_GET_OWNER_LAST_ERROR),
                    NativeMemory.pointer(listenInput + CAPTURE_INPUT_TABLE_READER_EXT),
                    NativeMemory.pointer(listenInput + CAPTURE_INPUT_TABLE_WRITER_EXT));
        }
    }
}
