package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** String fields set through the byte API of {@link ExtractRequest}, as a generated plugin's methods would. */
public class BytesPlugin extends FixturePlugin implements ExtractPlugin {

    private static final byte[] FRAMED = "[hello]".getBytes(StandardCharsets.UTF_8);

    public BytesPlugin() {
        super("bytes", "3.0.0");
    }

    @Override
    public List<FieldDefinition> fields() {
        return List.of(
                new FieldDefinition("bytes.payload", FieldType.STRING, "the payload up to its NUL, in place"),
                new FieldDefinition("bytes.framed", FieldType.STRING, "hello, from the middle of an array"),
                new FieldDefinition("bytes.param", FieldType.STRING, "3 bytes of the payload parameter from 1"),
                new FieldDefinition("bytes.none", FieldType.STRING, "no value: nothing set, null returned"),
                new FieldDefinition("bytes.outside", FieldType.STRING, "a slice past the payload's end"),
                new FieldDefinition("bytes.view", FieldType.UINT64, "the payload's first byte, through a view"));
    }

    @Override
    public void extract(ExtractRequest request) {
        switch (request.fieldId()) {
            case 0 -> request.setString(payload(request));
            case 1 -> request.setString(framed(request));
            case 2 -> {
                request.setStringFromParam(1, 1, 3);
                request.setString((String) null);
            }
            case 3 -> request.setString((String) null);
            case 4 -> request.setStringFromPayload(1, request.event().payloadLength());
            default -> {
                ByteBuffer view = request.event().payloadBuffer();
                request.setU64(view.isReadOnly() ? view.get(0) : -1);
            }
        }
    }

    /** As a generated string method that sets its value itself: the null it returns does not clear it. */
    private static String payload(ExtractRequest request) {
        int length = request.event().payloadLength();
        int end = 0;
        while (end < length && request.event().payloadByte(end) != 0) {
            end++;
        }
        request.setStringFromPayload(0, end);
        return request.hasValue() ? null : "not set";
    }

    private static String framed(ExtractRequest request) {
        request.setString(FRAMED, 1, 5);
        return null;
    }
}
