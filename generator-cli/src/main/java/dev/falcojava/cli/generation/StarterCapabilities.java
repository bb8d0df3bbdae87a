package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.CapabilityKind;
import dev.falcojava.cli.model.Names;

import java.util.List;

/** The capabilities {@code new} and {@code add-capability} start a plugin with: working examples to grow from. */
public final class StarterCapabilities {

    private StarterCapabilities() {
    }

    /**
     * The starter capability of kind {@code kind} of the plugin {@code pluginName}.
     *
     * @param eventSource the event source of a source capability, or {@code null} for the default
     * @param fieldPrefix the prefix of the fields of an extract capability (a {@link Names#FIELD_PREFIX}), or
     *                    {@code null} for the default
     */
    public static Capability of(CapabilityKind kind, String pluginName, String eventSource, String fieldPrefix) {
        boolean nameValid = Names.PLUGIN_NAME.matcher(pluginName).matches();
        String identifier = Names.defaultFieldPrefix(nameValid ? pluginName : "plugin");
        return switch (kind) {
            case SOURCE -> new Capability.Source(eventSource != null ? eventSource
                    : Names.defaultEventSource(nameValid ? pluginName : "plugin"));
            case EXTRACT -> new Capability.Extract(StarterField.fields((fieldPrefix != null ? fieldPrefix : identifier) + "."));
            case PARSE -> new Capability.Parse(List.of(), List.of());
            case ASYNC -> new Capability.Async(List.of(identifier + "_tick"), List.of());
            case CAPTURE_LISTEN -> new Capability.CaptureListen();
        };
    }
}
