package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.sdk.abi.BridgeSlot;

import java.util.HashSet;
import java.util.Set;

/**
 * The bridge slots a plugin's glue asks the SDK for: the SDK's {@link BridgeSlot} order is the one source of the
 * glue's slot enum, its ABI version and the mask of the slots a plugin uses.
 */
final class BridgeSlots {

    private BridgeSlots() {
    }

    /** The mask of the slots of every capability the plugin declares, and of the core slots. */
    static long mask(PluginDescriptor d) {
        Set<String> used = new HashSet<>(Set.of("core"));
        d.source().ifPresent(source -> used.add("source"));
        d.extract().ifPresent(extract -> used.add("extract"));
        d.parse().ifPresent(parse -> used.add("parse"));
        d.async().ifPresent(async -> used.add("async"));
        d.captureListen().ifPresent(listen -> used.add("capture-listen"));
        if (d.metrics()) {
            used.add("metrics");
        }
        if (d.reconfigure()) {
            used.add("reconfigure");
        }
        long mask = 0;
        for (BridgeSlot slot : BridgeSlot.values()) {
            if (used.contains(slot.capability())) {
                mask |= slot.bit();
            }
        }
        return mask;
    }
}
