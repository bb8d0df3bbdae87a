package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.api.PluginInfo;

/** The metadata and the empty init of a fixture plugin, which it needs only to be a {@link Plugin}. */
abstract class FixturePlugin implements Plugin {

    private final PluginInfo info;

    FixturePlugin(String name, String requiredApiVersion) {
        info = new PluginInfo(name, "1.0.0", name, "nobody", requiredApiVersion);
    }

    @Override
    public PluginInfo info() {
        return info;
    }

    @Override
    public void init(String config) {
    }
}
