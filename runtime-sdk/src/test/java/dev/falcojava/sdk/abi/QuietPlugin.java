package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.SourceInstance;
import dev.falcojava.sdk.api.SourcePlugin;

import java.util.List;

/** A plugin whose own code allocates nothing per event, so that any allocation measured is the bridge's. */
public class QuietPlugin implements SourcePlugin, ExtractPlugin {

    private static final byte[] PAYLOAD = "a C string payload of some thirty-odd bytes\0".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);
    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("quiet.number", FieldType.UINT64, "the event number"),
            new FieldDefinition("quiet.name", FieldType.STRING, "a constant name"),
            new FieldDefinition("quiet.even", FieldType.BOOL, "whether the number is even"),
            new FieldDefinition("quiet.first", FieldType.UINT64, "the first payload byte"),
            new FieldDefinition("quiet.text", FieldType.STRING, "the payload's text, pointed at in the event"),
            new FieldDefinition("quiet.label", FieldType.STRING, "bytes of a constant array"));
    private static final byte[] LABEL = "[quiet label]".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Override
    public PluginInfo info() {
        return new PluginInfo("quiet", "1.0.0", "allocates nothing", "nobody", "3.0.0");
    }

    @Override
    public void init(String config) {
    }

    @Override
    public int pluginId() {
        return 11;
    }

    @Override
    public String eventSource() {
        return "quiet";
    }

    @Override
    public SourceInstance open(String params) {
        return batch -> {
            for (int i = 0; i < 64; i++) {
                batch.add(EventBatch.HOST_TIMESTAMP, PAYLOAD, 0, PAYLOAD.length);
            }
            return BatchResult.EVENTS;
        };
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public void extract(ExtractRequest request) {
        switch (request.fieldId()) {
            case 0 -> request.setU64(request.event().number());
            case 1 -> request.setString("quiet event, naïve");
            case 2 -> request.setBool((request.event().number() & 1) == 0);
            case 3 -> request.setU64(request.event().payloadByte(0));
            case 4 -> request.setStringFromPayload(0, request.event().payloadLength() - 1);
            default -> request.setString(LABEL, 1, LABEL.length - 2);
        }
    }
}
