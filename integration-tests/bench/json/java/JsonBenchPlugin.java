package com.example.jsonbench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;

import java.io.IOException;

/**
 * The Java side of the JSON workload: the four fields of a k8s audit event, with Jackson's streaming parser, one
 * parse per event whatever the number of fields asked (as c_json_plugin.c parses once per call). The payload is
 * copied into a reused array; the parser reads it without building a tree.
 */
public class JsonBenchPlugin extends AbstractJsonBenchPlugin {

    private static final JsonFactory JSON = new JsonFactory();

    private byte[] buffer = new byte[4096];
    private long parsedEvent = -1;
    private String verb;
    private String user;
    private String resource;
    private long code = -1;

    @Override
    public void init(String config) {
    }

    private void parse(PluginEvent event) throws IOException {
        if (event.number() == parsedEvent) {
            return;
        }
        int length = event.payloadLength();
        if (buffer.length < length) {
            buffer = new byte[length * 2];
        }
        event.copyPayload(0, buffer, 0, length);
        verb = user = resource = null;
        code = -1;
        try (JsonParser parser = JSON.createParser(buffer, 0, length)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (name) {
                        case "verb" -> verb = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        case "user" -> user = member(parser, value, "username");
                        case "objectRef" -> resource = member(parser, value, "resource");
                        case "responseStatus" -> code = number(parser, value, "code");
                        default -> parser.skipChildren();
                    }
                }
            }
        }
        parsedEvent = event.number();
    }

    /** The text of {@code key} in the object at the parser, which is left after the object. */
    private static String member(JsonParser parser, JsonToken value, String key) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = parser.currentName().equals(key);
            JsonToken token = parser.nextToken();
            if (wanted && token == JsonToken.VALUE_STRING) {
                found = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private static long number(JsonParser parser, JsonToken value, String key) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return -1;
        }
        long found = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = parser.currentName().equals(key);
            JsonToken token = parser.nextToken();
            if (wanted && token == JsonToken.VALUE_NUMBER_INT) {
                found = parser.getLongValue();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    @Override
    protected String extractVerb(ExtractRequest request) throws IOException {
        parse(request.event());
        return verb;
    }

    @Override
    protected String extractUser(ExtractRequest request) throws IOException {
        parse(request.event());
        return user;
    }

    @Override
    protected String extractResource(ExtractRequest request) throws IOException {
        parse(request.event());
        return resource;
    }

    @Override
    protected long extractCode(ExtractRequest request) throws IOException {
        parse(request.event());
        if (code < 0) {
            request.noValue();
        }
        return code;
    }
}
