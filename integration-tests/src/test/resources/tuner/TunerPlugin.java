package com.example.tuner;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.PluginLog;

/** Takes new configurations at run time, refusing a threshold of 13, and dumps the one in force. */
public class TunerPlugin extends AbstractTunerPlugin {

    private volatile TunerConfig config;

    @Override
    protected void init(TunerConfig config) {
        this.config = config;
    }

    @Override
    protected void reconfigure(TunerConfig next) {
        if (next.threshold() == 13) {
            throw new IllegalArgumentException("threshold 13 is refused");
        }
        PluginLog.logger().log(System.Logger.Level.INFO, "reconfigured: " + describe(next));
        config = next;
    }

    @Override
    public void dumpState(AsyncEvents dump) {
        dump.push("tuner_state", describe(config));
    }

    @Override
    public void startAsync(AsyncEvents events) {
        events.push("tuner_tick", "started with " + describe(config));
    }

    @Override
    public void stopAsync() {
    }

    private static String describe(TunerConfig config) {
        return "label=" + config.label() + " threshold=" + config.threshold();
    }
}
