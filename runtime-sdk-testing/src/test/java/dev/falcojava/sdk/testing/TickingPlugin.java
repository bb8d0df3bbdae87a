package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.AsyncPlugin;

import java.util.List;
import java.util.stream.IntStream;

/** Pushes three async events from a thread of its own, which stopping waits for. */
public class TickingPlugin extends FixturePlugin implements AsyncPlugin {

    private Thread ticker;

    public TickingPlugin() {
        super("ticking", "3.0.0");
    }

    @Override
    public List<String> asyncEvents() {
        return List.of("tick");
    }

    @Override
    public void startAsync(AsyncEvents events) {
        ticker = Thread.startVirtualThread(() -> IntStream.rangeClosed(1, 3).forEach(i -> events.push("tick", "tick " + i)));
    }

    @Override
    public void stopAsync() throws InterruptedException {
        ticker.join();
    }
}
