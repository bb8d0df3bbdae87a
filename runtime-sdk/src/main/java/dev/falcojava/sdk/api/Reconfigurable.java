package dev.falcojava.sdk.api;

/**
 * A plugin that takes a new configuration at run time ({@code plugin_set_config}, with {@code reconfigure: true}
 * in plugin.yaml). Called between the host's other calls on the plugin state, never concurrently with them.
 * Falco itself never calls it (see docs/capabilities.md); other libsinsp hosts may.
 */
public interface Reconfigurable extends Plugin {

    /**
     * Takes a new init_config. Throw to refuse it: the current configuration must then stay in force, and the
     * exception's message becomes the host's {@code plugin_get_last_error}.
     *
     * @param config the new config string, already checked by the host against the init schema
     */
    void reconfigure(String config) throws Exception;
}
