package dev.falcojava.cli.model;

import java.util.List;
import java.util.Optional;

/**
 * A validated plugin.yaml.
 *
 * @param name         the plugin name Falco uses
 * @param version      the plugin version, {@code x.y.z}
 * @param description  one line about the plugin
 * @param contact      where to reach the authors
 * @param id           the plugin id (required, non-zero, for event sourcing)
 * @param javaPackage  the package of the generated and user classes
 * @param className    the simple name of the user's plugin class
 * @param linkage      shared library or static archive
 * @param jvm          JVM settings
 * @param config       the keys of init_config; empty when the plugin takes its config as a raw string or binds it to
 *                     its own record
 * @param configClass  the record of the plugin's own that init_config binds to ({@code config-class}), if any
 * @param capabilities the declared capabilities, at most one of each kind
 * @param metrics      whether the plugin reports metrics ({@code plugin_get_metrics})
 * @param tables       the tables the plugin uses, looked up at init
 */
public record PluginDescriptor(String name, String version, String description, String contact, long id,
                               String javaPackage, String className, Linkage linkage, JvmSettings jvm,
                               List<ConfigKey> config, Optional<ConfigClass> configClass, List<Capability> capabilities, boolean metrics,
                               List<TableSpec> tables, boolean reconfigure) {

    public PluginDescriptor {
        config = List.copyOf(config);
        capabilities = List.copyOf(capabilities);
        tables = List.copyOf(tables);
    }

    public Optional<Capability.Source> source() {
        return capability(Capability.Source.class);
    }

    public Optional<Capability.Extract> extract() {
        return capability(Capability.Extract.class);
    }

    public Optional<Capability.Parse> parse() {
        return capability(Capability.Parse.class);
    }

    public Optional<Capability.Async> async() {
        return capability(Capability.Async.class);
    }

    public Optional<Capability.CaptureListen> captureListen() {
        return capability(Capability.CaptureListen.class);
    }

    private <T extends Capability> Optional<T> capability(Class<T> type) {
        return capabilities.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The same plugin with another linkage, for a build that overrides plugin.yaml. */
    public PluginDescriptor withLinkage(Linkage other) {
        return new PluginDescriptor(name, version, description, contact, id, javaPackage, className, other, jvm,
                config, configClass, capabilities, metrics, tables, reconfigure);
    }

    /** The same plugin with the init schema derived from its compiled {@code config-class}. */
    public PluginDescriptor withConfigSchema(String schema) {
        return new PluginDescriptor(name, version, description, contact, id, javaPackage, className, linkage, jvm,
                config, configClass.map(c -> new ConfigClass(c.name(), Optional.of(schema))), capabilities, metrics, tables,
                reconfigure);
    }

    /** The same plugin with a bundled runtime, for a build that asks for one whatever plugin.yaml says. */
    public PluginDescriptor withBundledRuntime() {
        return new PluginDescriptor(name, version, description, contact, id, javaPackage, className, linkage,
                jvm.bundled(), config, configClass, capabilities, metrics, tables, reconfigure);
    }

    /**
     * The lowest plugin API version that has every feature the plugin uses, so that it loads in as many Falco
     * releases as possible.
     */
    public String requiredApiVersion() {
        return ApiVersion.required(this).toString();
    }
}
