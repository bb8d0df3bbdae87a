package dev.falcojava.cli.model;

import java.util.List;

/** A capability a plugin declares in plugin.yaml. */
public sealed interface Capability {

    /** The key under {@code capabilities:} in plugin.yaml. */
    String key();

    /** Event sourcing: the plugin produces events of its own event source. */
    record Source(String eventSource, List<OpenParamSpec> openParams) implements Capability {
        public Source {
            openParams = List.copyOf(openParams);
        }

        public Source(String eventSource) {
            this(eventSource, List.of());
        }

        @Override
        public String key() {
            return "source";
        }
    }

    /**
     * Field extraction: the plugin computes fields for rule conditions and outputs.
     *
     * @param eventSources the sources it extracts from (empty: its own, or all when it has no source)
     * @param eventTypes   the event type codes it extracts from (empty: the host's default)
     */
    record Extract(List<FieldSpec> fields, List<String> eventSources, List<Integer> eventTypes) implements Capability {
        public Extract {
            fields = List.copyOf(fields);
            eventSources = List.copyOf(eventSources);
            eventTypes = List.copyOf(eventTypes);
        }

        public Extract(List<FieldSpec> fields) {
            this(fields, List.of(), List.of());
        }

        @Override
        public String key() {
            return "extract";
        }
    }

    /** Event parsing: the plugin sees each event of its sources and types once, before extraction. */
    record Parse(List<String> eventSources, List<Integer> eventTypes) implements Capability {
        public Parse {
            eventSources = List.copyOf(eventSources);
            eventTypes = List.copyOf(eventTypes);
        }

        @Override
        public String key() {
            return "parse";
        }
    }

    /**
     * Async events: the plugin pushes events with these names into the live stream of its sources.
     *
     * @param dumpState whether the plugin writes its state into capture files ({@code plugin_dump_state})
     */
    record Async(List<String> events, List<String> eventSources, boolean dumpState) implements Capability {
        public Async {
            events = List.copyOf(events);
            eventSources = List.copyOf(eventSources);
        }

        public Async(List<String> events, List<String> eventSources) {
            this(events, eventSources, false);
        }

        @Override
        public String key() {
            return "async";
        }
    }

    /** Capture listening: the plugin is told when the capture opens and closes. */
    record CaptureListen() implements Capability {
        @Override
        public String key() {
            return "capture-listen";
        }
    }
}
