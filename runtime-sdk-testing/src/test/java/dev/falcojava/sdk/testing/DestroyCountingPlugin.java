package dev.falcojava.sdk.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts its inits and destroys, so that a test sees when a harness was started and closed. */
public class DestroyCountingPlugin extends IdleAsyncPlugin {

    static final AtomicInteger INITS = new AtomicInteger();
    static final AtomicInteger DESTROYS = new AtomicInteger();

    public DestroyCountingPlugin() {
        super("counting");
    }

    @Override
    public void init(String config) {
        INITS.incrementAndGet();
    }

    @Override
    public void destroy() {
        DESTROYS.incrementAndGet();
    }
}
