package dev.falcojava.examples.jsonlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.falcojava.sdk.api.PluginEvent;

/**
 * The JSON of the event being extracted, parsed once for all the fields Falco asks of it. A line that is not a JSON
 * object reads as an empty document, so every field of it has no value.
 */
final class ParsedLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private long eventNumber = -1;
    private JsonNode document = MissingNode.getInstance();

    JsonNode of(PluginEvent event) {
        if (event.number() != eventNumber) {
            eventNumber = event.number();
            try {
                JsonNode parsed = JSON.readTree(event.payload());
                document = parsed != null && parsed.isObject() ? parsed : MissingNode.getInstance();
            } catch (JsonProcessingException e) {
                document = MissingNode.getInstance();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return document;
    }
}
