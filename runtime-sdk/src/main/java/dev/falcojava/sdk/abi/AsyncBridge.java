package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.events.NativeAsyncEvents;
import dev.falcojava.sdk.api.AsyncPlugin;
import dev.falcojava.sdk.api.StateDumper;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;

/**
 * The entry point of the async events capability. A new handler stops the plugin's production into the old one
 * (and withdraws it) before starting production into the new one; a NULL handler only stops.
 */
final class AsyncBridge {

    private final BridgeContext context;

    AsyncBridge(BridgeContext context) {
        this.context = context;
    }

    long setAsyncEventHandler(long handle, long owner, long handler, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            AsyncPlugin plugin = capability(state, AsyncPlugin.class, "async events");
            stop(state, plugin);
            if (handler != 0) {
                NativeAsyncEvents events = new NativeAsyncEvents(owner, handler, plugin.asyncEvents());
                state.asyncEvents = events;
                plugin.startAsync(events);
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "set_async_event_handler", t);
            return ReturnCode.FAILURE;
        }
    }

    /** {@code plugin_dump_state}: the plugin pushes its state through a handler valid during this call only. */
    long dumpState(long handle, long owner, long handler, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            StateDumper plugin = capability(state, StateDumper.class, "state dumps");
            if (handler == 0) {
                throw new IllegalArgumentException("the host gave dump_state no handler");
            }
            NativeAsyncEvents dump = new NativeAsyncEvents(owner, handler, plugin.asyncEvents());
            try {
                plugin.dumpState(dump);
            } finally {
                dump.withdraw();
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "dump_state", t);
            return ReturnCode.FAILURE;
        }
    }

    private static void stop(PluginState state, AsyncPlugin plugin) throws Exception {
        NativeAsyncEvents previous = state.asyncEvents;
        if (previous == null) {
            return;
        }
        state.asyncEvents = null;
        try {
            plugin.stopAsync();
        } finally {
            previous.withdraw();
        }
    }

    /** Stops async production when the plugin is destroyed without the host withdrawing its handler first. */
    static void stopQuietly(PluginState state) {
        if (state.asyncEvents != null && state.plugin instanceof AsyncPlugin plugin) {
            try {
                stop(state, plugin);
            } catch (Throwable ignored) {
                // the plugin is being destroyed
            }
        }
    }
}
