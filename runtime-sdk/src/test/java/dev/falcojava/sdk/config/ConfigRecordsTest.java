package dev.falcojava.sdk.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Binding init_config to records of the plugin's own. */
class ConfigRecordsTest {

    enum Mode { @JsonProperty("fast-path") FAST, SLOW }

    record Aws(String region, @JsonProperty("profile-name") Optional<String> profile) {
    }

    record Rule(String user, int weight) {
        Rule {
            if (weight > 10) {
                throw new IllegalArgumentException("weight must be at most 10, not " + weight);
            }
        }
    }

    record Settings(@JsonPropertyDescription("Where") Aws aws, List<Rule> rules, Mode mode, long limit, double ratio,
                    boolean on, Optional<List<Integer>> ports) {
    }

    private static String error(String json) {
        return assertThrows(InvalidConfigException.class, () -> ConfigRecords.bind(json, Settings.class)).getMessage();
    }

    private static final String GOOD = "{\"aws\": {\"region\": \"eu\", \"profile-name\": \"p\"}, \"rules\": [{\"user\": \"a\","
            + " \"weight\": 2}], \"mode\": \"fast-path\", \"limit\": 99999999999, \"ratio\": 1, \"on\": true}";

    @Test
    void bindsNestedRecordsListsEnumsAndOptionalsWithJacksonNames() throws Exception {
        assertEquals(new Settings(new Aws("eu", Optional.of("p")), List.of(new Rule("a", 2)), Mode.FAST, 99999999999L, 1.0,
                true, Optional.empty()), ConfigRecords.bind(GOOD, Settings.class));
        assertEquals(Optional.of(List.of(1, 2)), ConfigRecords.bind(GOOD.replace("}", "").replace("true", "true, \"ports\": [1, 2]}")
                .replace("\"eu\", \"profile-name\": \"p\"", "\"eu\", \"profile-name\": \"p\"}").replace("\"weight\": 2", "\"weight\": 2}"),
                Settings.class).ports());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPointer() {
        assertEquals("3 problems: /aws/region: must be a string, not 5; /rules/0/weight: is required;"
                        + " /mode: must be one of fast-path, SLOW, not the string \"FAST\"",
                error(GOOD.replace("\"eu\"", "5").replace(", \"weight\": 2", "").replace("fast-path", "FAST")));
        assertEquals("6 problems: /aws: is required; /rules: is required; /mode: is required; /limit: is required;"
                        + " /ratio: is required; /on: is required", error("{}"));
    }

    @Test
    void aCheckOfTheRecordsOwnConstructorIsAProblemOfItsObject() {
        assertEquals("/rules/0: weight must be at most 10, not 11", error(GOOD.replace("\"weight\": 2", "\"weight\": 11")));
        assertEquals("/aws/profile: is unknown (known: region, profile-name)",
                error(GOOD.replace("\"profile-name\"", "\"profile\"")));
    }

    record Unsupported(Map<String, String> labels) {
    }

    record Loop(List<Loop> children) {
    }

    @Test
    void aRecordThatCannotBeBoundIsRefusedNamingTheComponent() {
        assertEquals("dev.falcojava.sdk.config.ConfigRecordsTest$Unsupported.labels: init_config cannot be bound to"
                        + " java.util.Map<java.lang.String, java.lang.String> (supported: int, long, double, boolean, their boxes,"
                        + " String, enums, records, List and Optional of these)",
                assertThrows(IllegalArgumentException.class, () -> ConfigShape.of(Unsupported.class)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigShape.of(Loop.class)).getMessage()
                .endsWith("contains itself"));
    }

    @Test
    void theShapeCarriesKeysAndDescriptions() {
        ConfigShape.RecordShape shape = ConfigShape.of(Settings.class);
        assertEquals(List.of("aws", "rules", "mode", "limit", "ratio", "on", "ports"), shape.keys());
        assertEquals("Where", shape.components().getFirst().description());
        assertTrue(shape.components().getLast().optional());
    }
}
