package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.tables.TableCall;
import dev.falcojava.sdk.api.CaptureListener;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;
import static dev.falcojava.sdk.abi.Layouts.*;

/** The entry points of the capture listening capability, and the routine function of the host's thread pool. */
final class CaptureBridge {

    private final BridgeContext context;

    CaptureBridge(BridgeContext context) {
        this.context = context;
    }

    long captureOpen(long handle, long listenInput, long unused2, long unused3) {
        return capture(handle, listenInput, true);
    }

    long captureClose(long handle, long listenInput, long unused2, long unused3) {
        return capture(handle, listenInput, false);
    }

    /**
     * The routines the host had at the last capture close were purged by it after that call: capture open forgets
     * them. The function the host's pool runs for every routine: {@code routineId} is the state the routine was
     * subscribed with; the plugin state pointer is not needed. Returns 1 to run again, 0 to be unsubscribed.
     */
    int runRoutine(long pluginState, long routineId) {
        try {
            context.enterPlugin();
            return context.routines.run(routineId);
        } catch (Throwable t) {
            return 0;
        }
    }

    private int capture(long handle, long listenInput, boolean open) {
        String call = open ? "capture_open" : "capture_close";
        PluginState state = null;
        try {
            state = context.enter(handle);
            CaptureListener listener = capability(state, CaptureListener.class, "capture listening");
            if (open) {
                context.routines.removeAll(state);
            }
            begin(state, open ? TableCall.CAPTURE_OPEN : TableCall.CAPTURE_CLOSE, listenInput);
            HostThreadPool pool = new HostThreadPool(state, context.routines, context.routineStub, listenInput, call);
            try {
                if (open) {
                    listener.captureOpened(pool);
                } else {
                    listener.captureClosed(pool);
                }
            } finally {
                pool.close();
                state.tableCall.end();
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, call, t);
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
