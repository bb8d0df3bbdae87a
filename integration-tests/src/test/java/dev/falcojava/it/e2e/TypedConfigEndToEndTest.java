package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A plugin whose plugin.yaml declares its init_config: the library exports the JSON schema, the generated
 * config record reads the config, and every bad config fails init with a message naming the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedConfigEndToEndTest {

    private Path library;

    @BeforeAll
    void buildAPluginWithTypedConfig() throws Exception {
        library = new GeneratedProjects("config-").newAndBuild("cfg", List.of(), project -> {
            Path descriptor = project.resolve("plugin.yaml");
            Files.writeString(descriptor, Files.readString(descriptor).replace("capabilities:\n", """
                    config:
                      - name: greeting
                        type: string
                        description: "What each message starts with, \\"quoted\\""
                        default: "hi"
                      - name: max-events
                        type: integer
                        description: Ignored here
                        default: 7
                      - name: token
                        type: string
                        description: Required
                    capabilities:
                    """));
            Path plugin = project.resolve("src/main/java/com/example/cfg/CfgPlugin.java");
            Files.writeString(plugin, Files.readString(plugin)
                    .replace("""
                                @Override
                                public void init(String config) {
                                    // config is the init_config of this plugin in falco.yaml
                                }
                            """, """
                                private CfgConfig config;

                                @Override
                                protected void init(CfgConfig config) {
                                    this.config = config;
                                }
                            """)
                    .replace("return request.event().payloadAsString();",
                            "return config.greeting() + \" \" + config.maxEvents() + \" \" + config.token() + \": \" + request.event().payloadAsString();"));
            Files.delete(project.resolve("src/test/java/com/example/cfg/CfgPluginTest.java"));
        }, "--shared").resolve("target/libcfg.so");
    }

    @Test
    void theLibraryExportsTheJsonSchemaOfItsConfig() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--metadata-only");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stdout().contains("init schema (type 1)=\"{\\\"$schema\\\":\\\"http://json-schema.org/draft-07/schema#\\\""), run.stdout());
        assertTrue(run.stdout().contains("\\\"required\\\":[\\\"token\\\"],\\\"additionalProperties\\\":false}\""), run.stdout());
    }

    @Test
    void theConfigReachesThePluginTypedWithItsDefaults() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", "{\"token\": \"s3cret\", \"greeting\": \"héllo\"}",
                "--events", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stdout().contains("cfg.message = \"héllo 7 s3cret: cfg event 1\""), run.stdout());
    }

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                    | init failed: init: init_config key 'token' is required
            `{"token": 5}`                        | init failed: init: init_config key 'token' must be a string, not 5
            `{"token": "t", "max-events": "7"}`   | init failed: init: init_config key 'max-events' must be an integer, not the string "7"
            `{"token": "t", "colour": "red"}`     | init failed: init: init_config key 'colour' is unknown (known: greeting, max-events, token)
            `{"colour": "red", "greeting": 1, "max-events": "7"}` | init failed: init: 4 problems: init_config key 'colour' is unknown (known: greeting, max-events, token); init_config key 'greeting' must be a string, not 1; init_config key 'max-events' must be an integer, not the string "7"; init_config key 'token' is required
            """)
    void aConfigThatDoesNotFitFailsInitNamingEveryKeyThatDoesNot(String config, String expected) throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", config, "--expect-init-failure");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stdout().contains(expected), run.describe());
    }

    @Test
    void aConfigThatIsNotJsonIsRefusedByTheHostOrElseByThePlugin() throws Exception {
        NativeHost.Run checkedByHost = NativeHost.run(library, Map.of(), "--config", "token: yaml?", "--events", "1");
        assertEquals(1, checkedByHost.exitCode(), checkedByHost.describe());
        assertTrue(checkedByHost.stderr().contains("FAIL: init config is not a valid json"), checkedByHost.describe());

        NativeHost.Run checkedByPlugin = NativeHost.run(library, Map.of(), "--skip-config-check", "--config", "token: yaml?",
                "--expect-init-failure");
        assertEquals(0, checkedByPlugin.exitCode(), checkedByPlugin.describe());
        assertTrue(checkedByPlugin.stdout().contains(
                "init failed: init: init_config is not valid JSON: unexpected token at line 1, column 1"), checkedByPlugin.describe());
    }
}
