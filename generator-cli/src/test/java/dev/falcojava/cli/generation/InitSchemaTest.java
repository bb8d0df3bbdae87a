package dev.falcojava.cli.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.falcojava.cli.model.ConfigDescriptors;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
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

    private static Set<ValidationMessage> validateNested(String json) throws Exception {
        PluginDescriptor descriptor = DescriptorReader.parse(ConfigDescriptors.CLOUD, "plugin.yaml");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(ProjectModelFactory.initSchema(descriptor.config()));
        return schema.validate(new ObjectMapper().readTree(json));
    }

    /** Falco reads init_config written as a YAML mapping in falco.yaml and hands the plugin its JSON text. */
    private static String falcoJson(String falcoYaml) throws Exception {
        Map<?, ?> yaml = new org.yaml.snakeyaml.Yaml().load(falcoYaml);
        Map<?, ?> plugin = (Map<?, ?>) ((List<?>) yaml.get("plugins")).getFirst();
        return new ObjectMapper().writeValueAsString(plugin.get("init_config"));
    }

    private static final String FALCO_YAML = """
            plugins:
              - name: cloud
                library_path: libcloud.so
                init_config:
                  aws:
                    region: eu-west-3
                  level: us-east-1
                  rules:
                    - user: root
                      weight: 0.5
                  matrix: [[1, 2], []]
            """;

    @Test
    void aNestedYamlInitConfigAsFalcoPassesItFitsTheNestedSchema() throws Exception {
        String json = falcoJson(FALCO_YAML);
        assertEquals("{\"aws\":{\"region\":\"eu-west-3\"},\"level\":\"us-east-1\",\"rules\":[{\"user\":\"root\","
                + "\"weight\":0.5}],\"matrix\":[[1,2],[]]}", json);
        assertEquals(Set.of(), validateNested(json));
    }

    @Test
    void theNestedSchemaRefusesWhatThePluginRefuses() throws Exception {
        assertFalse(validateNested(falcoJson(FALCO_YAML.replace("region: eu-west-3", "region: 5"))).isEmpty(), "region is a string");
        assertFalse(validateNested(falcoJson(FALCO_YAML.replace("region: eu-west-3", "region: Mars"))).isEmpty(), "pattern");
        assertFalse(validateNested(falcoJson(FALCO_YAML.replace("level: us-east-1", "level: warn"))).isEmpty(), "enum");
        assertFalse(validateNested(falcoJson(FALCO_YAML.replace("weight: 0.5", "weight: -1"))).isEmpty(), "minimum");
        assertFalse(validateNested(falcoJson(FALCO_YAML.replace("user: root", "usr: root"))).isEmpty(), "unknown key, user missing");
        assertFalse(validateNested(falcoJson(FALCO_YAML.replace("[[1, 2], []]", "[[1, 2.5]]"))).isEmpty(), "list of longs");
        assertFalse(validateNested("{\"aws\":{\"region\":\"eu-west-3\"},\"rules\":[]}").isEmpty(), "min-items");
        assertFalse(validateNested("{\"aws\":{\"region\":\"eu-west-3\"},\"rules\":[{\"user\":\"a\"}],\"port\":0}").isEmpty(),
                "port minimum");
        assertFalse(validateNested("{\"rules\":[{\"user\":\"a\"}]}").isEmpty(), "aws is required");
    }

    @Test
    void theNestedSchemaCarriesTheConstraints() throws Exception {
        var schema = new ObjectMapper().readTree(ProjectModelFactory.initSchema(
                DescriptorReader.parse(ConfigDescriptors.CLOUD, "p").config()));
        assertEquals("{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535,\"description\":\"Port\",\"default\":8080}",
                schema.at("/properties/port").toString());
        assertEquals("[\"debug\",\"info\",\"us-east-1\"]", schema.at("/properties/level/enum").toString());
        assertEquals("[\"region\"]", schema.at("/properties/aws/required").toString());
        assertFalse(schema.at("/properties/aws/additionalProperties").asBoolean(true));
        assertEquals(1, schema.at("/properties/rules/minItems").asInt());
        assertEquals("[\"aws\",\"rules\"]", schema.get("required").toString());
        assertEquals("integer", schema.at("/properties/matrix/items/items/type").asText());
    }
}
