package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.PluginDescriptor;

import java.util.Locale;

/** The Java runtime a library is linked for: as plugin.yaml's jvm.runtime says, or a bundled one. */
enum RuntimeChoice {
    DECLARED,
    BUNDLED;

    PluginDescriptor apply(PluginDescriptor descriptor) {
        return this == BUNDLED ? descriptor.withBundledRuntime() : descriptor;
    }

    /** The word of the command line and of the generated pom's {@code falco.runtime} property. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
