package dev.falcojava.sdk.api;

/**
 * The descriptive metadata of a plugin.
 *
 * @param name                the plugin name Falco shows and uses in {@code load_plugins}
 * @param version             the plugin version, {@code major.minor.patch}
 * @param description         a one-line description
 * @param contact             where to reach the authors
 * @param requiredApiVersion  the lowest Falco plugin API version the plugin needs
 */
public record PluginInfo(String name, String version, String description, String contact,
                         String requiredApiVersion) {
}
