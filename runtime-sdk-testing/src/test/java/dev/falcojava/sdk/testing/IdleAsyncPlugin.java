package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.AsyncPlugin;

import java.util.List;

/** An async plugin that pushes nothing: the one capability of a fixture that tests something else (init, logging). */
abstract class IdleAsyncPlugin extends FixturePlugin implements AsyncPlugin {

    IdleAsyncPlugin(String name) {
        super(name, "3.3.0");
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
