package dev.falcojava.cli.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The JSON schema plugin_get_init_schema returns, checked with a real JSON Schema validator as libsinsp would. */
class InitSchemaTest {

    private static final String DESCRIPTOR = """
            name: cfg
            version: 1.0.0
            description: d
            contact: c
            id: 5
            package: com.example.cfg
            config:
              - name: greeting
                type: string
                description: "Said \\"first\\""
                default: "hi"
              - name: max-events
                type: integer
                description: How many
                default: 7
              - name: ratio
                type: number
                description: A ratio
                default: 0.5
              - name: verbose
                type: boolean
                description: Talk more
                default: false
              - name: token
                type: string
                description: Required
            capabilities:
              source:
                event-source: cfg
            """;

    private static Set<ValidationMessage> validate(String config) throws Exception {
        PluginDescriptor descriptor = DescriptorReader.parse(DESCRIPTOR, "plugin.yaml");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(ProjectModelFactory.initSchema(descriptor.config()));
        return schema.validate(new ObjectMapper().readTree(config));
    }

    @Test
    void theSchemaAcceptsAConfigThatFitsPluginYaml() throws Exception {
        assertEquals(Set.of(), validate("{\"token\": \"t\"}"));
        assertEquals(Set.of(), validate("{\"token\": \"t\", \"greeting\": \"yo\", \"max-events\": 3, \"ratio\": 1.5, \"verbose\": true}"));
    }

    @Test
    void theSchemaRejectsAConfigThatDoesNot() throws Exception {
        assertFalse(validate("{}").isEmpty(), "token is required");
        assertFalse(validate("{\"token\": 5}").isEmpty(), "token is a string");
        assertFalse(validate("{\"token\": \"t\", \"max-events\": \"seven\"}").isEmpty(), "max-events is an integer");
        assertFalse(validate("{\"token\": \"t\", \"max-events\": 1.5}").isEmpty(), "max-events is an integer");
        assertFalse(validate("{\"token\": \"t\", \"verbose\": \"yes\"}").isEmpty(), "verbose is a boolean");
        assertFalse(validate("{\"token\": \"t\", \"colour\": \"red\"}").isEmpty(), "no other keys");
    }

    @Test
    void theSchemaCarriesDescriptionsAndDefaults() throws Exception {
        var schema = new ObjectMapper().readTree(ProjectModelFactory.initSchema(DescriptorReader.parse(DESCRIPTOR, "p").config()));
        assertEquals("Said \"first\"", schema.at("/properties/greeting/description").asText());
        assertEquals(7, schema.at("/properties/max-events/default").asInt());
        assertEquals("[\"token\"]", schema.get("required").toString());
    }
}
