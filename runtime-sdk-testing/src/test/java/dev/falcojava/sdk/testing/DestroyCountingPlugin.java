package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.AsyncPlugin;
import dev.falcojava.sdk.api.PluginInfo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts its inits and destroys, so that a test sees when a harness was started and closed. */
public class DestroyCountingPlugin implements AsyncPlugin {

    static final AtomicInteger INITS = new AtomicInteger();
    static final AtomicInteger DESTROYS = new AtomicInteger();

    @Override
    public PluginInfo info() {
        return new PluginInfo("counting", "1.0.0", "counts inits and destroys", "nobody", "3.3.0");
    }

    @Override
    public void init(String config) {
        INITS.incrementAndGet();
    }

    @Override
    public void destroy() {
        DESTROYS.incrementAndGet();
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
