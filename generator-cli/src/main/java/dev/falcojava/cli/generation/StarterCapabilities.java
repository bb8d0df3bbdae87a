package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.Names;

import java.util.List;

/** The capabilities {@code new} and {@code add-capability} start a plugin with: working examples to grow from. */
public final class StarterCapabilities {

    /** The capability keys, in the order plugin.yaml lists them. */
    public static final List<String> KEYS = List.of("source", "extract", "parse", "async", "capture-listen");

    private StarterCapabilities() {
    }

    /**
     * The starter capability {@code key} of the plugin {@code pluginName}.
     *
     * @param eventSource the event source of a source capability, or {@code null} for the default
     * @param fieldPrefix the prefix of the fields of an extract capability (a {@link Names#FIELD_PREFIX}), or
     *                    {@code null} for the default
     * @throws IllegalArgumentException for an unknown key
     */
    public static Capability of(String key, String pluginName, String eventSource, String fieldPrefix) {
        boolean nameValid = Names.PLUGIN_NAME.matcher(pluginName).matches();
        String identifier = Names.defaultFieldPrefix(nameValid ? pluginName : "plugin");
        return switch (key.trim()) {
            case "source" -> new Capability.Source(eventSource != null ? eventSource
                    : Names.defaultEventSource(nameValid ? pluginName : "plugin"));
            case "extract" -> new Capability.Extract(StarterField.fields((fieldPrefix != null ? fieldPrefix : identifier) + "."));
            case "parse" -> new Capability.Parse(List.of(), List.of());
            case "async" -> new Capability.Async(List.of(identifier + "_tick"), List.of());
            case "capture-listen" -> new Capability.CaptureListen();
            default -> throw new IllegalArgumentException("unknown capability '" + key + "' (known: "
                    + String.join(", ", KEYS) + ")");
        };
    }
}
