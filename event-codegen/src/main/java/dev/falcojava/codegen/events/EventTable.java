package dev.falcojava.codegen.events;

import java.util.List;
import java.util.Map;

/** The SDK's event table as its data file states it: the facts the typed events are generated from. */
record EventTable(String description, Source source, String schemaVersion, String driverSchemaVersion,
                  List<Event> events, Map<String, List<FlagValue>> flagSets, Map<String, List<Param>> dynamicParams) {

    /** Where the facts were read. */
    record Source(String repository, String commit, List<String> files) {
    }

    /** One event type. */
    record Event(int code, String id, String name, String direction, Boolean largePayload, List<Param> params) {

        boolean large() {
            return Boolean.TRUE.equals(largePayload);
        }
    }

    /** One parameter of an event, or one variant of a dynamic parameter. */
    record Param(String name, String type, String format, String flags, String dynamic, Integer dirfd) {
    }

    /** One named value of a flag set. */
    record FlagValue(String name, long value) {
    }
}
