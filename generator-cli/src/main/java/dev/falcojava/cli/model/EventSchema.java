package dev.falcojava.cli.model;

import dev.falcojava.sdk.events.EventTypes;

import java.util.List;

/**
 * Whether a plugin requires an event schema version, and which. libsinsp checks the version a plugin requires
 * when its parse or extract takes syscall events (event types other than the plugin event, 322), against the
 * schema of a live driver engine (kmod, modern eBPF); a plugin that does not say is taken to require 3.0.0, which
 * the 4.x schemas of every current driver refuse ("major versions disagree"). So every plugin that takes syscall
 * events requires the schema the SDK's event table was generated from: its parameter layouts, and the codes of
 * event names in plugin.yaml, come from that table.
 */
public final class EventSchema {

    /** The plugin event, the one type that is not a syscall event. */
    private static final int PLUGIN_EVENT = 322;

    private EventSchema() {
    }

    /** The schema version {@code d} requires, or {@code null} when libsinsp does not check it. */
    public static String required(PluginDescriptor d) {
        return takesSyscallEvents(d) ? EventTypes.SCHEMA_VERSION : null;
    }

    /** libsinsp's rule: parse or extract resolve to an event type other than 322. */
    static boolean takesSyscallEvents(PluginDescriptor d) {
        boolean ownSource = d.source().isPresent();
        return d.parse().map(parse -> takes(parse.eventSources(), parse.eventTypes(), ownSource)).orElse(false)
                || d.extract().map(extract -> takes(extract.eventSources(), extract.eventTypes(), ownSource)).orElse(false);
    }

    private static boolean takes(List<String> sources, List<Integer> types, boolean ownSource) {
        if (!types.isEmpty()) {
            return types.stream().anyMatch(type -> type != PLUGIN_EVENT);
        }
        return sources.isEmpty() ? !ownSource : sources.contains("syscall");
    }
}
