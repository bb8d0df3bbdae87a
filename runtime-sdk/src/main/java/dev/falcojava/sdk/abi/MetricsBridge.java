package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.Metric;
import dev.falcojava.sdk.api.MetricsPlugin;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;
import static dev.falcojava.sdk.abi.Layouts.*;

/** The entry point of {@code plugin_get_metrics}: an array of {@code ss_plugin_metric}, then the names. */
final class MetricsBridge {

    private static final int MONOTONIC = 0;
    private static final int NON_MONOTONIC = 1;
    private static final int VALUE_U64 = 2;
    private static final int VALUE_S64 = 3;
    private static final int VALUE_DOUBLE = 4;

    private final BridgeContext context;

    MetricsBridge(BridgeContext context) {
        this.context = context;
    }

    long metrics(long handle, long countOut, long unused2, long unused3) {
        PluginState state = null;
        try {
            NativeMemory.putU32(countOut, 0);
            state = context.enter(handle);
            List<Metric> metrics = capability(state, MetricsPlugin.class, "metrics").metrics();
            if (metrics == null) {
                throw new IllegalStateException("metrics returned null instead of a list");
            }
            long names = 0;
            for (Metric metric : metrics) {
                names += Utf8.encodedLength(metric.name()) + 1;
            }
            long arrayBytes = METRIC_SIZE * metrics.size();
            MemorySegment out = state.metricsMemory.reserve(Math.max(8, arrayBytes + names));
            long nameOffset = arrayBytes;
            for (int i = 0; i < metrics.size(); i++) {
                Metric metric = metrics.get(i);
                long at = METRIC_SIZE * i;
                out.set(ValueLayout.JAVA_LONG, at + METRIC_NAME, out.address() + nameOffset);
                nameOffset = Utf8.encode(metric.name(), out, nameOffset);
                out.set(ValueLayout.JAVA_BYTE, nameOffset++, (byte) 0);
                out.set(ValueLayout.JAVA_INT, at + METRIC_TYPE, metric.monotonic() ? MONOTONIC : NON_MONOTONIC);
                switch (metric.value()) {
                    case Metric.Value.Unsigned64(long value) -> {
                        out.set(ValueLayout.JAVA_LONG, at + METRIC_VALUE, value);
                        out.set(ValueLayout.JAVA_INT, at + METRIC_VALUE_TYPE, VALUE_U64);
                    }
                    case Metric.Value.Signed64(long value) -> {
                        out.set(ValueLayout.JAVA_LONG, at + METRIC_VALUE, value);
                        out.set(ValueLayout.JAVA_INT, at + METRIC_VALUE_TYPE, VALUE_S64);
                    }
                    case Metric.Value.Double64(double value) -> {
                        out.set(ValueLayout.JAVA_DOUBLE, at + METRIC_VALUE, value);
                        out.set(ValueLayout.JAVA_INT, at + METRIC_VALUE_TYPE, VALUE_DOUBLE);
                    }
                }
            }
            NativeMemory.putU32(countOut, metrics.size());
            return metrics.isEmpty() ? 0 : out.address();
        } catch (Throwable t) {
            failed(state, "get_metrics", t);
            return 0;
        }
    }
}
