package dev.falcojava.cli.rules.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a real Falco knows, read from its own listings and shipped as resources: every field of the syscall source
 * ({@code falco --list=syscall --format json}) and every event name ({@code falco --list-events --format json}).
 */
public final class FalcoFacts {

    private static final String FIELDS = "/dev/falcojava/cli/rules/syscall-fields.json";
    private static final String EVENTS = "/dev/falcojava/cli/rules/events.json";
    private static FalcoFacts shipped;

    private final Map<String, FieldInfo> syscallFields;
    private final Map<String, Integer> eventCodes;
    private final int allEventCodes;

    private FalcoFacts(Map<String, FieldInfo> syscallFields, Map<String, Integer> eventCodes) {
        this.syscallFields = Collections.unmodifiableMap(syscallFields);
        this.eventCodes = Collections.unmodifiableMap(eventCodes);
        this.allEventCodes = eventCodes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The facts shipped with this CLI. */
    public static synchronized FalcoFacts shipped() {
        if (shipped == null) {
            ObjectMapper json = new ObjectMapper();
            Map<String, FieldInfo> fields = new LinkedHashMap<>();
            for (JsonNode field : read(json, FIELDS).get("fields")) {
                JsonNode argument = field.get("argument");
                ArgRule arg = argument == null || argument.isNull() ? ArgRule.NONE
                        : new ArgRule(true, argument.path("required").asBoolean(), false);
                String type = field.get("type").asText();
                fields.put(field.get("name").asText(), new FieldInfo(field.get("name").asText(),
                        ValueKind.ofFalcoType(type), type, field.path("list").asBoolean(), arg, false));
            }
            Map<String, Integer> events = new LinkedHashMap<>();
            read(json, EVENTS).properties().forEach(section -> {
                if (section.getValue().isArray()) {
                    for (JsonNode event : section.getValue()) {
                        events.merge(event.get("name").asText(), 1, Integer::sum);
                    }
                }
            });
            shipped = new FalcoFacts(fields, events);
        }
        return shipped;
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = FalcoFacts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field of the syscall source, by name. */
    public Map<String, FieldInfo> syscallFields() {
        return syscallFields;
    }

    /** A syscall-source field, also in the {@code evt.arg.NAME} form of a field whose argument follows a dot. */
    public Optional<FieldInfo> syscallField(String name) {
        FieldInfo field = syscallFields.get(name);
        if (field != null) {
            return Optional.of(field);
        }
        int dot = name.lastIndexOf('.');
        while (dot > 0) {
            FieldInfo prefix = syscallFields.get(name.substring(0, dot));
            if (prefix != null && prefix.arg().accepted()) {
                return Optional.of(prefix);
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        return Optional.empty();
    }

    /** The number of event codes (enter and exit count apart) of an event name; 0 when Falco has no such event. */
    public int eventCodes(String name) {
        return eventCodes.getOrDefault(name, 0);
    }

    public int allEventCodes() {
        return allEventCodes;
    }
}
