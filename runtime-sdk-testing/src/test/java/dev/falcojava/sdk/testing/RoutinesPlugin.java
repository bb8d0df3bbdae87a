package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.CaptureListener;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.Reconfigurable;
import dev.falcojava.sdk.api.RoutineHandle;
import dev.falcojava.sdk.api.StateDumper;
import dev.falcojava.sdk.api.ThreadPool;

import java.util.List;

/** Subscribes a counting routine and a throwing one; takes new configs, refusing "bad"; dumps its config. */
public class RoutinesPlugin implements CaptureListener, Reconfigurable, StateDumper {

    static volatile int counted;
    private volatile String config = "";
    private RoutineHandle counter;

    @Override
    public PluginInfo info() {
        return new PluginInfo("routines", "1.0.0", "routines", "nobody", "3.10.0");
    }

    @Override
    public void init(String config) {
        this.config = config;
        counted = 0;
    }

    @Override
    public void captureOpened(ThreadPool pool) {
        counter = pool.subscribe("counter", () -> ++counted < 3);
        pool.subscribe("thrower", () -> {
            throw new IllegalStateException("no");
        });
        pool.subscribe("forever", () -> true);
    }

    @Override
    public void captureClosed(ThreadPool pool) {
        if (pool.unsubscribe(counter)) {
            throw new IllegalStateException("the counter ended itself, unsubscribing it must fail");
        }
    }

    @Override
    public void reconfigure(String next) {
        if (next.equals("bad")) {
            throw new IllegalArgumentException("bad config");
        }
        config = next;
    }

    @Override
    public List<String> asyncEvents() {
        return List.of("routines_state");
    }

    @Override
    public void startAsync(AsyncEvents events) {
    }

    @Override
    public void stopAsync() {
    }

    @Override
    public void dumpState(AsyncEvents dump) {
        dump.push("routines_state", "config=" + config);
    }
}
