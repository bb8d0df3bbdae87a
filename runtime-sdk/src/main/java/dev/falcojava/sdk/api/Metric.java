package dev.falcojava.sdk.api;

import java.util.Objects;

/**
 * One metric value reported to the host.
 *
 * @param name      the metric name, for example {@code events_dropped}
 * @param monotonic whether it only grows (a counter) rather than going up and down (a gauge)
 * @param value     the value, with its width and signedness
 */
public record Metric(String name, boolean monotonic, Value value) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
    }

    /** A counter: an unsigned 64-bit value that only grows. */
    public static Metric counter(String name, long value) {
        return new Metric(name, true, new Value.Unsigned64(value));
    }

    /** A gauge: a signed 64-bit value. */
    public static Metric gauge(String name, long value) {
        return new Metric(name, false, new Value.Signed64(value));
    }

    /** A gauge with a floating-point value. */
    public static Metric gauge(String name, double value) {
        return new Metric(name, false, new Value.Double64(value));
    }

    /** A metric value as the plugin API encodes it. */
    public sealed interface Value {
        /** {@code SS_PLUGIN_METRIC_VALUE_TYPE_U64}. */
        record Unsigned64(long value) implements Value {
        }

        /** {@code SS_PLUGIN_METRIC_VALUE_TYPE_S64}. */
        record Signed64(long value) implements Value {
        }

        /** {@code SS_PLUGIN_METRIC_VALUE_TYPE_D}. */
        record Double64(double value) implements Value {
        }
    }
}
