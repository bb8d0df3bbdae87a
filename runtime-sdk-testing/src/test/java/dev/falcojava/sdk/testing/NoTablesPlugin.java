package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.AsyncPlugin;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.Tables;

import java.util.List;

/** An async-only plugin: the host gives it no tables; it logs what the SDK says when it asks anyway. */
public class NoTablesPlugin implements AsyncPlugin {

    @Override
    public PluginInfo info() {
        return new PluginInfo("notables", "1.0.0", "has no tables", "nobody", "3.3.0");
    }

    @Override
    public void init(String config) {
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

    @Override
    public List<String> asyncEvents() {
        return List.of("none");
    }

    @Override
    public void startAsync(AsyncEvents events) {
    }

    @Override
    public void stopAsync() {
    }
}
