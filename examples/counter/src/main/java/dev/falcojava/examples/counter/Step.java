package dev.falcojava.examples.counter;

import dev.falcojava.sdk.api.PluginEvent;

/**
 * One step of the counter, as an event's payload carries it: the previous and the new value, in decimal, separated
 * by a space.
 *
 * @param previous the value before the step
 * @param value    the value after it
 */
record Step(long previous, long value) {

    String payload() {
        return previous + " " + value;
    }

    static Step of(PluginEvent event) {
        String payload = event.payloadAsString();
        int space = payload.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("event " + event.number() + " is not a counter step: '" + payload + "'");
        }
        return new Step(Long.parseLong(payload, 0, space, 10), Long.parseLong(payload, space + 1, payload.length(), 10));
    }
}
