package dev.falcojava.cli.model;

import java.util.Optional;

/**
 * A record of the plugin's own that init_config binds to ({@code config-class} in plugin.yaml).
 *
 * @param name   its fully qualified name
 * @param schema the JSON schema derived from its compiled class at link time; empty before
 */
public record ConfigClass(String name, Optional<String> schema) {
}
