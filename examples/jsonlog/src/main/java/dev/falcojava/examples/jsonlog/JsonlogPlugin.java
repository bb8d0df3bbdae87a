package dev.falcojava.examples.jsonlog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.SourceInstance;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines log file: each line is an event, and fields pick values out of it by JSON path. A value that
 * is absent, or not of the field's type, is no value for that event, not an error.
 */
public class JsonlogPlugin extends AbstractJsonlogPlugin {

    private final ParsedLine line = new ParsedLine();

    @Override
    public void init(String config) {
        // no configuration: the file to read is the open parameter
    }

    @Override
    public SourceInstance open(String params) throws Exception {
        return JsonlogSourceInstance.open(params);
    }

    @Override
    protected String extractMessage(ExtractRequest request) {
        // the payload's bytes as they are: no decoding into a String and encoding back
        request.setStringFromPayload(0, request.event().payloadLength());
        return null;
    }

    @Override
    protected String extractValue(ExtractRequest request) {
        JsonNode node = line.of(request.event()).at(JsonPath.pointer(request.argumentKey()));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    protected List<String> extractValues(ExtractRequest request) {
        JsonNode node = line.of(request.event()).at(JsonPath.pointer(request.argumentKey()));
        if (!node.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>(node.size());
        node.forEach(item -> values.add(item.isValueNode() ? item.asText() : item.toString()));
        return values;
    }

    @Override
    protected String extractLevel(ExtractRequest request) {
        JsonNode level = line.of(request.event()).path("level");
        return level.isTextual() ? level.asText() : null;
    }

    @Override
    protected Instant extractTime(ExtractRequest request) {
        JsonNode time = line.of(request.event()).path("time");
        try {
            return time.isTextual() ? Instant.parse(time.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    protected InetAddress extractClient(ExtractRequest request) {
        JsonNode client = line.of(request.event()).path("client");
        if (!client.isTextual()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(client.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    protected Duration extractLatency(ExtractRequest request) {
        JsonNode latency = line.of(request.event()).path("latency_ms");
        return latency.canConvertToLong() ? Duration.ofMillis(latency.asLong()) : null;
    }
}
