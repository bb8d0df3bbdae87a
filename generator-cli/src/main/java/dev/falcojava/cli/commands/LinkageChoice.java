package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.PluginDescriptor;

import java.util.Locale;

/** The library a command builds: as plugin.yaml declares, or shared or static whatever it says. */
enum LinkageChoice {
    DECLARED,
    SHARED,
    STATIC;

    /** The descriptor with this linkage; a static one keeps the API symbol plugin.yaml declares, if any. */
    PluginDescriptor apply(PluginDescriptor descriptor) {
        return switch (this) {
            case DECLARED -> descriptor;
            case SHARED -> descriptor.withLinkage(new Linkage.Shared());
            case STATIC -> descriptor.withLinkage(descriptor.linkage() instanceof Linkage.Static declared ? declared
                    : new Linkage.Static(Linkage.defaultApiSymbol(descriptor.name())));
        };
    }

    /** The word of the command line and of the generated pom's {@code falco.linkage} property. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
