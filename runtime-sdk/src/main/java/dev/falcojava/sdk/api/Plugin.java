package dev.falcojava.sdk.api;

import dev.falcojava.sdk.api.tables.Tables;

/**
 * The base of every Falco plugin written in Java.
 *
 * <p>The host creates one instance per {@code plugin_init} and calls {@link #init} once on it, then the
 * capability methods, then {@link #destroy}. Metadata (name, version, fields, ...) is answered by the
 * native glue without starting the JVM; {@link #info()} returns the same values for tests and tools.
 */
public interface Plugin {

    /** Name, version, description and contact, as declared in plugin.yaml. */
    PluginInfo info();

    /**
     * Initializes the plugin.
     *
     * @param config the raw {@code init_config} string the host passed (empty when none was given)
     * @throws Exception to fail initialization; the message becomes the host's {@code plugin_get_last_error}
     */
    void init(String config) throws Exception;

    /**
     * Initializes the plugin with access to the host's tables; the SDK calls this one. The default calls
     * {@link #init(String)}: override it to look up tables and fields, add fields, or add tables of the plugin's own.
     *
     * @param tables the host's table registry, usable during this call only
     */
    default void init(String config, Tables tables) throws Exception {
        init(config);
    }

    /** Releases what {@link #init} acquired. Called once, also after a failed init. */
    default void destroy() throws Exception {
    }
}
