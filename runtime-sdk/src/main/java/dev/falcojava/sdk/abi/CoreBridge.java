package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.tables.PluginTables;
import dev.falcojava.sdk.logging.ConfiguredLevel;
import dev.falcojava.sdk.logging.Failures;
import dev.falcojava.sdk.logging.LogSink;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * The entry points every plugin has: init, destroy, get_last_error. Every entry point of every bridge catches
 * every Throwable: an exception escaping an upcall would terminate the host process.
 */
final class CoreBridge {

    /** The plugin API version that added {@code log_fn} to the init input. */
    private static final ApiVersion LOG_FN_VERSION = new ApiVersion(3, 3, 0);

    private final BridgeContext context;
    private final ScratchBuffer unknownStateText = new ScratchBuffer("error text", 128, ScratchBuffer.RESULT_LIMIT);

    CoreBridge(BridgeContext context) {
        this.context = context;
    }

    long init(long initInput, long rcOut, long unused2, long unused3) {
        try {
            return createState(initInput, rcOut);
        } catch (Throwable t) {
            NativeMemory.putU32(rcOut, ReturnCode.FAILURE);
            return 0;
        }
    }

    private long createState(long initInput, long rcOut) {
        PluginState state;
        try {
            context.enterPlugin();
            state = new PluginState(context.factory.get());
        } catch (Throwable t) {
            state = PluginState.broken(Failures.describe("creating the plugin", t));
        }
        long handle = context.states.register(state);
        int rc = ReturnCode.FAILURE;
        if (state.plugin != null) {
            try {
                String config = "";
                long tables = 0;
                LogSink.name(state.plugin.info().name());
                if (initInput != 0) {
                    config = NativeMemory.string(NativeMemory.pointer(initInput + INIT_INPUT_CONFIG), "");
                    if (ApiVersion.parse(state.plugin.info().requiredApiVersion()).atLeast(LOG_FN_VERSION)) {
                        HostLog.attach(NativeMemory.pointer(initInput + INIT_INPUT_OWNER),
                                NativeMemory.pointer(initInput + INIT_INPUT_LOG_FN));
                    }
                    tables = NativeMemory.pointer(initInput + INIT_INPUT_TABLES);
                    state.tableCall.beginInit(NativeMemory.pointer(initInput + INIT_INPUT_OWNER),
                            NativeMemory.pointer(initInput + INIT_INPUT_GET_OWNER_LAST_ERROR), tables);
                }
                try {
                    ConfiguredLevel.apply(config);
                    state.plugin.init(config, new PluginTables(state.tableCall, tables != 0, state.tableErrors(), state.addedTables()));
                } finally {
                    state.tableCall.end();
                }
                rc = ReturnCode.SUCCESS;
            } catch (Throwable t) {
                state.fail("init", t);
            }
        }
        NativeMemory.putU32(rcOut, rc);
        return handle;
    }

    long destroy(long handle, long unused1, long unused2, long unused3) {
        try {
            context.enterPlugin();
            PluginState state = context.states.remove(handle);
            if (state != null) {
                context.routines.removeAll(state);
            }
            destroyQuietly(state);
        } catch (Throwable ignored) {
            // destroy has no way to report; the state is gone either way
        }
        return 0;
    }

    /** Destroys every state still registered, as when the host unloads a library without destroying them. */
    static void destroyAll(BridgeContext context) {
        for (PluginState state : context.states.drain()) {
            destroyQuietly(state);
        }
    }

    /** Stops async production, closes the open instances and destroys the plugin; never throws. */
    private static void destroyQuietly(PluginState state) {
        if (state == null || state.plugin == null) {
            return;
        }
        try {
            AsyncBridge.stopQuietly(state);
            for (InstanceState open : state.instances.drain()) {
                SourceBridge.closeQuietly(open.instance());
            }
            state.plugin.destroy();
        } catch (Throwable ignored) {
            // destroy has no way to report; the state is gone either way
        }
    }

    long lastError(long handle, long unused1, long unused2, long unused3) {
        try {
            PluginState state = context.states.find(handle);
            if (state == null) {
                return unknownStateText.cString("unknown plugin state " + handle);
            }
            return state.lastErrorText.cString(state.lastError());
        } catch (Throwable t) {
            return 0;
        }
    }
}
