package dev.falcojava.sdk.api;

/**
 * The event parsing capability: the plugin sees every event of the sources and types it declared, once, before
 * any field is extracted from it, and keeps whatever state it derives (for extraction or for other plugins).
 */
public interface ParsePlugin extends Plugin {

    /** Parses one event; an exception fails {@code plugin_parse_event} with its message. */
    void parse(PluginEvent event) throws Exception;
}
