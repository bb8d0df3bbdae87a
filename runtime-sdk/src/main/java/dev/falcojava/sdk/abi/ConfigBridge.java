package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.Reconfigurable;
import dev.falcojava.sdk.logging.ConfiguredLevel;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;
import static dev.falcojava.sdk.abi.Layouts.SET_CONFIG_INPUT_CONFIG;

/**
 * The entry point of {@code plugin_set_config}: a new configuration at run time. Its {@code log-level} applies as
 * at init; a refused configuration leaves the level as it was.
 */
final class ConfigBridge {

    private final BridgeContext context;

    ConfigBridge(BridgeContext context) {
        this.context = context;
    }

    long setConfig(long handle, long input, long unused2, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            Reconfigurable plugin = capability(state, Reconfigurable.class, "reconfiguration");
            String config = input == 0 ? "" : NativeMemory.string(NativeMemory.pointer(input + SET_CONFIG_INPUT_CONFIG), "");
            System.Logger.Level before = PluginLog.level();
            ConfiguredLevel.apply(config);
            try {
                plugin.reconfigure(config);
            } catch (Throwable t) {
                PluginLog.setLevel(before);
                throw t;
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "set_config", t);
            return ReturnCode.FAILURE;
        }
    }
}
