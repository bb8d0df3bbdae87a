package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.OpenParam;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourceInstance;
import dev.falcojava.sdk.api.SourcePlugin;

import java.util.List;

/** A source + extract plugin whose behaviour the bridge tests know exactly. */
public class CounterPlugin implements SourcePlugin, ExtractPlugin {

    static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("counter.n", FieldType.UINT64, "the counter value in the payload"),
            new FieldDefinition("counter.text", FieldType.STRING, "the payload"),
            new FieldDefinition("counter.odd", FieldType.BOOL, "whether n is odd"),
            new FieldDefinition("counter.boom", FieldType.UINT64, "throws for every event"),
            new FieldDefinition("counter.maybe", FieldType.UINT64, "only for even n"));

    private String prefix = "";

    @Override
    public PluginInfo info() {
        return new PluginInfo("counter", "1.0.0", "counts", "nobody", "3.0.0");
    }

    @Override
    public void init(String config) {
        if (config.equals("fail")) {
            throw new IllegalArgumentException("config 'fail' is refused");
        }
        prefix = config;
    }

    @Override
    public int pluginId() {
        return 7;
    }

    @Override
    public String eventSource() {
        return "counter";
    }

    @Override
    public List<OpenParam> openParams() {
        return List.of(new OpenParam("2;3", "two \"streams\"", ";"), new OpenParam("5", ""));
    }

    @Override
    public SourceInstance open(String params) {
        int max = params.isEmpty() ? 5 : Integer.parseInt(params);
        return new SourceInstance() {
            int next = 1;

            @Override
            public BatchResult nextBatch(EventBatch batch) {
                if (max < 0) {
                    return BatchResult.EVENTS;
                }
                for (int i = 0; i < 2 && next <= max; i++) {
                    batch.add(prefix + next++);
                }
                return next > max ? BatchResult.END_OF_STREAM : BatchResult.EVENTS;
            }

            @Override
            public Progress progress() {
                return max <= 0 ? null : new Progress((int) ((next - 1) * 10_000L / max), (next - 1) + " of " + max);
            }
        };
    }

    @Override
    public String eventToString(PluginEvent event) {
        return "counter event " + event.payloadAsString();
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public void extract(ExtractRequest request) {
        String text = request.event().payloadAsString();
        long n = Long.parseLong(text.substring(prefix.length()));
        switch (request.fieldId()) {
            case 0 -> request.setU64(n);
            case 1 -> request.setString(text);
            case 2 -> request.setBool(n % 2 == 1);
            case 3 -> throw new IllegalStateException("boom at " + n);
            case 4 -> {
                if (n % 2 == 0) {
                    request.setU64(n * 10);
                } else {
                    request.noValue();
                }
            }
            default -> throw new IllegalArgumentException("field " + request.fieldId());
        }
    }
}
