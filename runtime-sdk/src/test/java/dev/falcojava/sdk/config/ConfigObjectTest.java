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
        assertEquals("init_config key 'name' is required", error("{}"));
        assertEquals("init_config key 'count' must be an integer, not the string \"7\"", error("{\"name\": \"a\", \"count\": \"7\"}"));
        assertEquals("init_config key 'count' must be an integer, not 1.5", error("{\"name\": \"a\", \"count\": 1.5}"));
        assertEquals("init_config key 'on' must be true or false, not null", error("{\"name\": \"a\", \"on\": null}"));
        assertEquals("init_config key 'name' must be a string, not an array", error("{\"name\": []}"));
        assertEquals("init_config key 'nmae' is unknown (known: name, count, ratio, on)", error("{\"nmae\": \"a\"}"));
        assertEquals("init_config must be a JSON object, like {\"key\": \"value\"}", error("[1]"));
        assertEquals("init_config is not valid JSON: expected '}' at line 2, column 3", error("{\"name\": \"a\"\n  \"count\": 1}"));
        assertEquals("init_config is not valid JSON: unexpected character 'x' at line 1, column 1", error("x"));
        assertEquals("init_config is not valid JSON: key 'name' appears twice at line 1, column 22",
                error("{\"name\": \"a\", \"name\": \"b\"}"));
        assertEquals("init_config is not valid JSON: unterminated string at line 1, column 12", error("{\"name\": \"a"));
    }
}
