package dev.falcojava.cli.model;

import java.util.List;

/** A capability a plugin declares in plugin.yaml. */
public sealed interface Capability {

    /** The key under {@code capabilities:} in plugin.yaml. */
    String key();

    /** Event sourcing: the plugin produces events of its own event source. */
    record Source(String eventSource) implements Capability {
        @Override
        public String key() {
            return "source";
        }
    }

    /** Field extraction: the plugin computes fields for rule conditions and outputs. */
    record Extract(List<FieldSpec> fields) implements Capability {
        public Extract {
            fields = List.copyOf(fields);
        }

        @Override
        public String key() {
            return "extract";
        }
    }
}
