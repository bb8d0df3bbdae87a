package dev.falcojava.cli.rules.fields;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.PluginDescriptor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event sources a rule of a plugin may be on: its own event source, then the sources it extracts, parses or
 * pushes async events on, in that order; empty when it works on every source (a capability without
 * {@code event-sources} in a plugin without a source of its own).
 */
public final class RuleSources {

    private RuleSources() {
    }

    public static List<String> of(PluginDescriptor plugin) {
        Set<String> sources = new LinkedHashSet<>();
        plugin.source().ifPresent(s -> sources.add(s.eventSource()));
        boolean everySource = false;
        for (Class<? extends Capability> kind : List.of(Capability.Extract.class, Capability.Parse.class,
                Capability.Async.class)) {
            for (Capability capability : plugin.capabilities()) {
                if (!kind.isInstance(capability)) {
                    continue;
                }
                List<String> declared = switch (capability) {
                    case Capability.Extract e -> e.eventSources();
                    case Capability.Parse p -> p.eventSources();
                    case Capability.Async a -> a.eventSources();
                    default -> List.of();
                };
                everySource |= declared.isEmpty() && plugin.source().isEmpty();
                sources.addAll(declared);
            }
        }
        return everySource ? List.of() : List.copyOf(sources);
    }
}
