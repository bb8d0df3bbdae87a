package dev.falcojava.sdk.api;

import java.util.List;

/**
 * The event sourcing capability: the plugin opens streams of events of its own event source.
 *
 * <p>Events are plugin events (type 322) carrying the plugin id and an opaque payload.
 */
public interface SourcePlugin extends Plugin {

    /** The plugin id registered with the Falco organization (never 0 for a source plugin). */
    int pluginId();

    /** The name of the event source, for example {@code "k8s_audit"}. */
    String eventSource();

    /**
     * Opens a new stream of events.
     *
     * @param params the open parameters, an opaque string whose format the plugin defines
     */
    SourceInstance open(String params) throws Exception;

    /**
     * A human readable form of one of this plugin's events, shown by Falco outputs such as {@code %evt.plugininfo}.
     * By default the payload decoded as UTF-8.
     */
    default String eventToString(PluginEvent event) throws Exception {
        return event.payloadAsString();
    }

    /**
     * Suggested open parameters, returned by {@code plugin_list_open_params} (for example the files a plugin can
     * read). By default none.
     */
    default List<OpenParam> openParams() throws Exception {
        return List.of();
    }
}
