package dev.falcojava.sdk.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConfigObjectTest {

    private static final List<String> KEYS = List.of("name", "count", "ratio", "on");

    private static String error(String json) {
        return assertThrows(InvalidConfigException.class, () -> {
            ConfigObject config = ConfigObject.parse(json, KEYS);
            config.string("name", null);
            config.integer("count", 3L);
            config.number("ratio", 0.5);
            config.bool("on", false);
        }).getMessage();
    }

    @Test
    void readsTypedValuesAndDefaults() throws Exception {
        ConfigObject config = ConfigObject.parse("{\"name\": \"caf\\u00e9 \\\"x\\\"\", \"count\": -12, \"ratio\": 2}", KEYS);
        assertEquals("café \"x\"", config.string("name", null));
        assertEquals(-12, config.integer("count", 3L));
        assertEquals(2.0, config.number("ratio", 0.5));
        assertFalse(config.bool("on", false));
    }

    @Test
    void anEmptyConfigIsAnEmptyObject() throws Exception {
        assertEquals(3, ConfigObject.parse("  ", KEYS).integer("count", 3L));
        assertEquals(3, ConfigObject.parse("{}", KEYS).integer("count", 3L));
    }

    @Test
    void everyErrorNamesTheKeyOrThePosition() {
        assertEquals("/name: is required", error("{}"));
        assertEquals("/count: must be an integer, not the string \"7\"", error("{\"name\": \"a\", \"count\": \"7\"}"));
        assertEquals("/count: must be an integer, not 1.5", error("{\"name\": \"a\", \"count\": 1.5}"));
        assertEquals("/on: must be true or false, not null", error("{\"name\": \"a\", \"on\": null}"));
        assertEquals("/name: must be a string, not an array", error("{\"name\": []}"));
        assertEquals("/nmae: is unknown (known: name, count, ratio, on)", error("{\"nmae\": \"a\"}"));
        assertEquals("init_config must be a JSON object, like {\"key\": \"value\"}", error("[1]"));
        assertEquals("init_config is not valid JSON: expected '}' at line 2, column 3", error("{\"name\": \"a\"\n  \"count\": 1}"));
        assertEquals("init_config is not valid JSON: unexpected character 'x' at line 1, column 1", error("x"));
        assertEquals("init_config is not valid JSON: key 'name' appears twice at line 1, column 22",
                error("{\"name\": \"a\", \"name\": \"b\"}"));
        assertEquals("init_config is not valid JSON: unterminated string at line 1, column 12", error("{\"name\": \"a"));
    }

    private static String notJson(String json) {
        return assertThrows(InvalidConfigException.class, () -> ConfigObject.parse(json, KEYS)).getMessage();
    }

    @Test
    void numbersAreReadAsJsonWritesThemAndNothingElse() {
        assertEquals("init_config is not valid JSON: a number cannot start with 0 followed by digits at line 1, column 12",
                notJson("{\"count\": 01}"));
        assertEquals("init_config is not valid JSON: expected a digit after the decimal point at line 1, column 13",
                notJson("{\"count\": 1.}"));
        assertEquals("init_config is not valid JSON: expected a digit after the decimal point at line 1, column 13",
                notJson("{\"count\": 1.e3}"));
        assertEquals("init_config is not valid JSON: expected a digit in the exponent at line 1, column 15",
                notJson("{\"count\": 1.5e}"));
        assertEquals("init_config is not valid JSON: expected a digit at line 1, column 12", notJson("{\"count\": -x}"));
        assertEquals("init_config is not valid JSON: unexpected character '+' at line 1, column 11", notJson("{\"count\": +1}"));
        assertEquals("init_config is not valid JSON: unexpected character '.' at line 1, column 11", notJson("{\"count\": .5}"));
        assertEquals("init_config is not valid JSON: expected '}' at line 1, column 12", notJson("{\"count\": 0x10}"));
        assertEquals("init_config is not valid JSON: number 1e400 is too large at line 1, column 11", notJson("{\"ratio\": 1e400}"));
    }

    @Test
    void validNumbersOfEveryShapeAreRead() throws Exception {
        ConfigObject config = ConfigObject.parse("{\"count\": -0, \"ratio\": -1.25E+2}", KEYS);
        assertEquals(0, config.integer("count", 3L));
        assertEquals(-125.0, config.number("ratio", 0.5));
        assertEquals(1000.0, ConfigObject.parse("{\"ratio\": 1e3}", KEYS).number("ratio", 0.5));
        assertEquals(Long.MIN_VALUE, ConfigObject.parse("{\"count\": -9223372036854775808}", KEYS).integer("count", 3L));
    }

    @Test
    void aBigIntegerIsValidJsonReadExactlyAndRefusedByTheIntegerReaderWithItsValue() throws Exception {
        ConfigObject config = ConfigObject.parse("{\"count\": 99999999999999999999, \"ratio\": 99999999999999999999}", KEYS);
        InvalidConfigException refused = assertThrows(InvalidConfigException.class, () -> config.integer("count", 3L));
        assertEquals("/count: must be an integer from -9223372036854775808 to 9223372036854775807,"
                + " not 99999999999999999999", refused.getMessage());
        assertEquals(1e20, config.number("ratio", 0.5));
        assertEquals("/count: must be an integer from -9223372036854775808 to 9223372036854775807,"
                + " not 9223372036854775808", error("{\"name\": \"a\", \"count\": 9223372036854775808}"));
    }

    @Test
    void unicodeEscapesTakeExactlyFourHexadecimalDigits() throws Exception {
        assertEquals("Aé€", ConfigObject.parse("{\"name\": \"\\u0041\\u00E9\\u20ac\"}", KEYS).string("name", null));
        assertEquals("init_config is not valid JSON: \\u must be followed by 4 hexadecimal digits at line 1, column 13",
                notJson("{\"name\": \"\\u+041\"}"));
        assertEquals("init_config is not valid JSON: \\u must be followed by 4 hexadecimal digits at line 1, column 14",
                notJson("{\"name\": \"\\u0-41\"}"));
        assertEquals("init_config is not valid JSON: \\u must be followed by 4 hexadecimal digits at line 1, column 15",
                notJson("{\"name\": \"\\u00\"}"));
        assertEquals("init_config is not valid JSON: \\u must be followed by 4 hexadecimal digits at line 1, column 13",
                notJson("{\"name\": \"\\u\uFF10041\"}"));
    }

    @Test
    void readingCollectsEveryProblemAndCheckReportsThemAtOnce() throws Exception {
        ConfigObject config = ConfigObject.reading("{\"count\": \"7\", \"nmae\": 1, \"on\": 3}", KEYS);
        assertEquals("", config.string("name", null));
        assertEquals(0, config.integer("count", 3L));
        assertEquals(0.5, config.number("ratio", 0.5));
        assertFalse(config.bool("on", false));
        InvalidConfigException all = assertThrows(InvalidConfigException.class, config::check);
        assertEquals("4 problems: /nmae: is unknown (known: name, count, ratio, on);"
                + " /name: is required; /count: must be an integer, not the string \"7\";"
                + " /on: must be true or false, not 3", all.getMessage());
    }

    @Test
    void readingAValidConfigChecksClean() throws Exception {
        ConfigObject config = ConfigObject.reading("{\"name\": \"a\"}", KEYS);
        assertEquals("a", config.string("name", null));
        config.check();
        assertEquals("/name: is required", assertThrows(InvalidConfigException.class, () -> {
            ConfigObject missing = ConfigObject.reading("", KEYS);
            missing.string("name", null);
            missing.check();
        }).getMessage());
    }
}
