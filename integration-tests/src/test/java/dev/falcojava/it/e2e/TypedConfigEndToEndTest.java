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

import static org.assertj.core.api.Assertions.assertThat;
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
                      - name: aws
                        type: object
                        description: Where the events come from
                        keys:
                          - name: region
                            type: string
                            description: The region
                            pattern: "^[a-z]+-[a-z]+-[0-9]$"
                            default: us-east-1
                          - name: profile
                            type: string
                            description: The profile, when not the default one
                            optional: true
                      - name: rules
                        type: list
                        description: Users and their weights
                        items:
                          type: object
                          keys:
                            - name: user
                              type: string
                              description: The user
                            - name: weight
                              type: int
                              description: Its weight
                              minimum: 0
                              default: 1
                        default: []
                      - name: level
                        type: enum
                        description: How much to say
                        values: [quiet, loud, very-loud]
                        default: quiet
                      - name: port
                        type: int
                        description: A port
                        minimum: 1
                        maximum: 65535
                        default: 8080
                      - name: nickname
                        type: string
                        description: Optional, without a default
                        optional: true
                    capabilities:
                    """));
            GeneratedProjects.useTypedConfig(project, "Cfg", "CfgConfig", "config.greeting() + \" \" + config.maxEvents()"
                    + " + \" \" + config.token() + \" \" + config.aws() + \" \" + config.rules() + \" \" + config.level()"
                    + " + \" \" + (config.port() + 1) + \" \" + config.nickname().map(String::toUpperCase).orElse(\"-\")"
                    + " + \": \"");
        }, "--shared").resolve("target/libcfg.so");
    }

    @Test
    void theLibraryExportsTheJsonSchemaOfItsConfig() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--metadata-only");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("init schema (type 1)=\"{\\\"$schema\\\":\\\"http://json-schema.org/draft-07/schema#\\\"");
        assertThat(run.stdout())
                .contains("\\\"required\\\":[\\\"token\\\"],\\\"additionalProperties\\\":false}\"");
    }

    /** The schema the library exports, out of the host's C-quoted line. */
    private String exportedSchema() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--metadata-only");
        assertEquals(0, run.exitCode(), run.describe());
        String line = run.stdout().lines().filter(l -> l.startsWith("init schema (type 1)=\"")).findFirst().orElseThrow();
        String quoted = line.substring(line.indexOf('"') + 1, line.length() - 1);
        StringBuilder schema = new StringBuilder();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            schema.append(c == '\\' ? quoted.charAt(++i) : c);
        }
        return schema.toString();
    }

    @Test
    void theExportedSchemaIsADraft07SchemaThatChecksNestedConfigsAsLibsinspWould() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var schemaJson = mapper.readTree(exportedSchema());
        var factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7);
        var metaSchema = factory.getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertEquals(java.util.Set.of(), metaSchema.validate(schemaJson), "a valid draft-07 schema");
        var schema = factory.getSchema(schemaJson);
        assertEquals(java.util.Set.of(), schema.validate(mapper.readTree(falcoJson(FALCO_YAML))));
        var mistakes = schema.validate(mapper.readTree(falcoJson(FALCO_YAML.replace("region: eu-west-3", "region: 5")
                .replace("weight: 5", "weight: -5").replace("level: very-loud", "level: shouting"))));
        assertEquals(3, mistakes.size(), mistakes.toString());
    }

    @Test
    void theConfigReachesThePluginTypedWithItsDefaults() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", "{\"token\": \"s3cret\", \"greeting\": \"héllo\"}",
                "--events", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("cfg.message = \"héllo 7 s3cret Aws[region=us-east-1, profile=Optional.empty] [] QUIET"
                + " 8081 -: cfg event 1\"");
    }

    /** What Falco hands the plugin for an init_config written as a YAML mapping in falco.yaml: its JSON text. */
    private static String falcoJson(String falcoYaml) throws Exception {
        Map<?, ?> yaml = new org.yaml.snakeyaml.Yaml().load(falcoYaml);
        Map<?, ?> plugin = (Map<?, ?>) ((List<?>) yaml.get("plugins")).getFirst();
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(plugin.get("init_config"));
    }

    private static final String FALCO_YAML = """
            plugins:
              - name: cfg
                library_path: libcfg.so
                init_config:
                  token: s3cret
                  aws:
                    region: eu-west-3
                    profile: audit
                  rules:
                    - user: root
                      weight: 5
                    - user: alice
                  level: very-loud
                  port: 443
                  nickname: bob
            """;

    @Test
    void aNestedYamlConfigReachesThePluginAsNestedRecordsListsAndEnums() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", falcoJson(FALCO_YAML), "--events", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("cfg.message = \"hi 7 s3cret Aws[region=eu-west-3, profile=Optional[audit]]"
                + " [RulesItem[user=root, weight=5], RulesItem[user=alice, weight=1]] VERY_LOUD 444 BOB: cfg event 1\"");
    }

    @Test
    void threeMistakesInANestedConfigAreReportedAtOnceWithTheirJsonPointers() throws Exception {
        String config = falcoJson(FALCO_YAML.replace("region: eu-west-3", "region: 5").replace("weight: 5", "weight: -5")
                .replace("level: very-loud", "level: shouting"));
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", config, "--expect-init-failure");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe)
                .contains("init failed: init: 3 problems: /aws/region: must be a string, not 5;"
                + " /rules/0/weight: must be at least 0, not -5; /level: must be one of quiet, loud, very-loud, not the string"
                + " \"shouting\"");
    }

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                    | init failed: init: /token: is required
            `{"token": 5}`                        | init failed: init: /token: must be a string, not 5
            `{"token": "t", "max-events": "7"}`   | init failed: init: /max-events: must be an integer, not the string "7"
            `{"token": "t", "colour": "red"}`     | init failed: init: /colour: is unknown (known: greeting, max-events, token, aws, rules, level, port, nickname)
            `{"colour": "red", "greeting": 1, "max-events": "7"}` | init failed: init: 4 problems: /colour: is unknown (known: greeting, max-events, token, aws, rules, level, port, nickname); /greeting: must be a string, not 1; /max-events: must be an integer, not the string "7"; /token: is required
            `{"token": "t", "port": 0, "aws": {"region": "Mars"}}` | init failed: init: 2 problems: /aws/region: must match the pattern ^[a-z]+-[a-z]+-[0-9]$, not the string "Mars"; /port: must be at least 1, not 0
            """)
    void aConfigThatDoesNotFitFailsInitNamingEveryKeyThatDoesNot(String config, String expected) throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", config, "--expect-init-failure");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe).contains(expected);
    }

    @Test
    void aConfigThatIsNotJsonIsRefusedByTheHostOrElseByThePlugin() throws Exception {
        NativeHost.Run checkedByHost = NativeHost.run(library, Map.of(), "--config", "token: yaml?", "--events", "1");
        assertEquals(1, checkedByHost.exitCode(), checkedByHost.describe());
        assertThat(checkedByHost.stderr()).as(checkedByHost::describe)
                .contains("FAIL: init config is not a valid json");

        NativeHost.Run checkedByPlugin = NativeHost.run(library, Map.of(), "--skip-config-check", "--config", "token: yaml?",
                "--expect-init-failure");
        assertEquals(0, checkedByPlugin.exitCode(), checkedByPlugin.describe());
        assertThat(checkedByPlugin.stdout()).as(checkedByPlugin::describe)
                .contains("init failed: init: init_config is not valid JSON: unexpected token at line 1, column 1");
    }
}
