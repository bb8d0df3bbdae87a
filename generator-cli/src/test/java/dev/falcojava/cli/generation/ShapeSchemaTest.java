package dev.falcojava.cli.generation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.falcojava.sdk.config.ConfigRecords;
import dev.falcojava.sdk.config.ConfigShape;
import dev.falcojava.sdk.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The schema of a config-class agrees with the SDK's binding of it, checked with a real draft-07 validator. */
class ShapeSchemaTest {

    enum Mode { @JsonProperty("fast-path") FAST, SLOW }

    record Aws(String region, @JsonProperty("profile-name") Optional<String> profile) {
    }

    record Rule(String user, int weight) {
    }

    record Settings(@JsonPropertyDescription("Where the events come from") Aws aws, List<Rule> rules, Mode mode,
                    long limit, double ratio, boolean on, Optional<List<Integer>> ports) {
    }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() {
        return FACTORY.getSchema(ShapeSchema.of(ConfigShape.of(Settings.class)));
    }

    @Test
    void isAValidDraft07Schema() throws Exception {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertEquals(Set.of(), meta.validate(JSON.readTree(ShapeSchema.of(ConfigShape.of(Settings.class)))));
        assertEquals("Where the events come from",
                JSON.readTree(ShapeSchema.of(ConfigShape.of(Settings.class))).at("/properties/aws/description").asText());
    }

    @Test
    void acceptsWhatTheBindingAcceptsAndRefusesWhatItRefuses() throws Exception {
        List<String> good = List.of(
                "{\"aws\": {\"region\": \"eu\"}, \"rules\": [], \"mode\": \"SLOW\", \"limit\": 1, \"ratio\": 0.5, \"on\": false}",
                "{\"aws\": {\"region\": \"eu\", \"profile-name\": \"p\"}, \"rules\": [{\"user\": \"a\", \"weight\": 1}],"
                        + " \"mode\": \"fast-path\", \"limit\": -1, \"ratio\": 2, \"on\": true, \"ports\": [80]}");
        for (String config : good) {
            assertEquals(Set.of(), schema().validate(JSON.readTree(config)), config);
            ConfigRecords.bind(config, Settings.class);
        }
        List<String> bad = List.of(
                "{}",
                good.getFirst().replace("\"SLOW\"", "\"FAST\""),
                good.getFirst().replace("{\"region\": \"eu\"}", "{\"region\": \"eu\", \"profile\": \"p\"}"),
                good.getFirst().replace("\"limit\": 1", "\"limit\": 1.5"),
                good.get(1).replace("\"weight\": 1", "\"weight\": 3000000000"),
                good.get(1).replace("[80]", "[\"80\"]"),
                good.getFirst().replace("\"on\": false", "\"on\": false, \"extra\": 1"));
        for (String config : bad) {
            assertFalse(schema().validate(JSON.readTree(config)).isEmpty(), config);
            assertThrows(InvalidConfigException.class, () -> ConfigRecords.bind(config, Settings.class), config);
        }
    }
}
