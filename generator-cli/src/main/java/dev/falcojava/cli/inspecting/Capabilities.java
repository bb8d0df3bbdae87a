package dev.falcojava.cli.inspecting;

import java.util.ArrayList;
import java.util.List;

/** The capabilities of a library, inferred from its symbols as libsinsp's plugin loader infers them. */
public final class Capabilities {

    private Capabilities() {
    }

    /**
     * @throws IllegalStateException for a broken combination, with the loader's reason
     */
    public static List<String> of(PluginLibrary library) {
        List<String> capabilities = new ArrayList<>();
        boolean open = library.has("open"), close = library.has("close"), next = library.has("next_batch");
        if (open && close && next) {
            capabilities.add("source");
        } else if (open || close || next) {
            throw new IllegalStateException("broken plugin capabilities: must implement all of 'plugin_open', "
                    + "'plugin_close', and 'plugin_next_batch'");
        }
        if (library.has("get_fields") && library.has("extract_fields")) {
            capabilities.add("extract");
        } else if (library.has("extract_fields")) {
            throw new IllegalStateException("broken plugin capabilities: must implement both 'plugin_get_fields' and "
                    + "'plugin_extract_fields'");
        }
        if (library.has("parse_event")) {
            capabilities.add("parse");
        }
        if (library.has("get_async_events") && library.has("set_async_event_handler")) {
            capabilities.add("async");
        }
        if (library.has("capture_open") && library.has("capture_close")) {
            capabilities.add("capture-listen");
        }
        if (library.has("get_metrics")) {
            capabilities.add("metrics");
        }
        return capabilities;
    }
}
