package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.CaptureListener;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.Metric;
import dev.falcojava.sdk.api.MetricsPlugin;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.PluginEvent;

import java.util.List;

/** Counts the events it parses while a capture is open, refusing the others; extracts the count and reports it as metrics. */
public class ParseCountingPlugin extends FixturePlugin implements ParsePlugin, CaptureListener, ExtractPlugin, MetricsPlugin {

    private long parsed;
    private boolean capturing;

    public ParseCountingPlugin() {
        super("parsecount", "3.7.0");
    }

    @Override
    public void captureOpened() {
        capturing = true;
    }

    @Override
    public void captureClosed() {
        capturing = false;
    }

    @Override
    public void parse(PluginEvent event) {
        if (!capturing) {
            throw new IllegalStateException("event " + event.number() + " parsed outside a capture");
        }
        parsed++;
    }

    @Override
    public List<FieldDefinition> fields() {
        return List.of(new FieldDefinition("pc.parsed", FieldType.UINT64, "events parsed so far"));
    }

    @Override
    public void extract(ExtractRequest request) {
        request.setU64(parsed);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.counter("pc.parsed", parsed), Metric.gauge("pc.share", parsed / 8.0));
    }
}
