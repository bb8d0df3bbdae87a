package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.Tables;

/** An async-only plugin: the host gives it no tables; it logs what the SDK says when it asks anyway. */
public class NoTablesPlugin extends IdleAsyncPlugin {

    public NoTablesPlugin() {
        super("notables");
    }

    @Override
    public void init(String config, Tables tables) {
        System.Logger log = PluginLog.logger();
        log.log(System.Logger.Level.INFO, "tables available: " + tables.available());
        try {
            tables.list();
        } catch (IllegalStateException e) {
            log.log(System.Logger.Level.INFO, e.getMessage());
        }
    }
}
