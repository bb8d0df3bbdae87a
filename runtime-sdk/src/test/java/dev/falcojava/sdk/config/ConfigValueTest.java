package dev.falcojava.sdk.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Reading nested objects, lists, enums, bounds and optional keys, each problem named by its JSON pointer. */
class ConfigValueTest {

    enum Level { DEBUG, INFO }

    record Aws(String region, Optional<String> profile) {
        static final List<String> KEYS = List.of("region", "profile");

        static Aws read(ConfigObject config) {
            return new Aws(config.value("region").asString(null, "^[a-z]+-[0-9]$"),
                    config.value("profile").optional(v -> v.asString(null, null)));
        }
    }

    record Limits(int burst, double rate) {
        static final List<String> KEYS = List.of("burst", "rate");

        static Limits read(ConfigObject config) {
            return new Limits(config.value("burst").asInt(10, 1L, 100L), config.value("rate").asNumber(0.5, 0.0, 1.0));
        }
    }

    record Cloud(Aws aws, Limits limits, Level level, List<Aws> accounts, List<Long> ports) {
        static final List<String> KEYS = List.of("aws", "limits", "level", "accounts", "ports");

        static Cloud parse(String json) throws InvalidConfigException {
            ConfigObject config = ConfigObject.reading(json, KEYS);
            Cloud cloud = new Cloud(config.value("aws").asObject(Aws.KEYS, Aws::read, false),
                    config.value("limits").asObject(Limits.KEYS, Limits::read, true),
                    config.value("level").asEnum(List.of("debug", "info"), List.of(Level.values()), Level.INFO),
                    config.value("accounts").asList(item -> item.asObject(Aws.KEYS, Aws::read, false), List.of(), 0),
                    config.value("ports").asList(item -> item.asLong(null, 1L, null), null, 1));
            config.check();
            return cloud;
        }
    }

    private static String error(String json) {
        return assertThrows(InvalidConfigException.class, () -> Cloud.parse(json)).getMessage();
    }

    @Test
    void bindsNestedValuesWithTheirDefaults() throws Exception {
        assertEquals(new Cloud(new Aws("eu-3", Optional.empty()), new Limits(10, 0.5), Level.INFO, List.of(), List.of(80L)),
                Cloud.parse("{\"aws\": {\"region\": \"eu-3\"}, \"ports\": [80]}"));
        assertEquals(new Cloud(new Aws("eu-3", Optional.of("p")), new Limits(100, 1.0), Level.DEBUG,
                        List.of(new Aws("us-1", Optional.empty())), List.of(1L, 2L)),
                Cloud.parse("{\"aws\": {\"region\": \"eu-3\", \"profile\": \"p\"}, \"limits\": {\"burst\": 100, \"rate\": 1},"
                        + " \"level\": \"debug\", \"accounts\": [{\"region\": \"us-1\"}], \"ports\": [1, 2]}"));
    }

    @Test
    void everyProblemNamesItsPointerAndAllAreReportedAtOnce() {
        assertEquals("3 problems: /aws/region: must be a string, not 5; /limits/burst: must be at most 100, not 101;"
                        + " /ports/0: must be at least 1, not 0",
                error("{\"aws\": {\"region\": 5}, \"limits\": {\"burst\": 101}, \"ports\": [0]}"));
        assertEquals("5 problems: /aws: is required; /limits: must be an object, not an array; /level: must be one of"
                        + " debug, info, not null; /accounts/0/region: is required; /ports: must have at least 1 item, not 0",
                error("{\"limits\": [], \"level\": null, \"accounts\": [{}], \"ports\": []}"));
        assertEquals("/aws/prof~1ile~0: is unknown (known: region, profile)",
                error("{\"aws\": {\"region\": \"eu-3\", \"prof/ile~\": 1}, \"ports\": [80]}"));
        assertEquals("/limits/rate: must be at least 0.0, not -1", error("{\"aws\": {\"region\": \"eu-3\"}, \"limits\": {\"rate\": -1},"
                + " \"ports\": [80]}"));
        assertEquals("/aws/region: must match the pattern ^[a-z]+-[0-9]$, not the string \"Mars\"",
                error("{\"aws\": {\"region\": \"Mars\"}, \"ports\": [80]}"));
        assertEquals("/limits/burst: must be an integer from -2147483648 to 2147483647, not 99999999999999999999",
                error("{\"aws\": {\"region\": \"eu-3\"}, \"limits\": {\"burst\": 99999999999999999999}, \"ports\": [80]}"));
    }

    @Test
    void aBadJsonTextIsOneProblemWithLineAndColumn() {
        assertEquals("init_config is not valid JSON: expected '}' at line 1, column 27",
                error("{\"aws\": {\"region\": \"eu-3\" \"x\"}"));
    }
}
