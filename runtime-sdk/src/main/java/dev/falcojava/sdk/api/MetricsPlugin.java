package dev.falcojava.sdk.api;

import java.util.List;

/** A plugin that reports metrics; the host polls {@link #metrics()} through {@code plugin_get_metrics}. */
public interface MetricsPlugin extends Plugin {

    /** The current value of every metric. Names should stay the same from call to call. */
    List<Metric> metrics() throws Exception;
}
