package dev.falcojava.it.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A plugin whose plugin.yaml names a record of its own ({@code config-class}) with Jackson annotations: the link step
 * derives the schema from the compiled record, and init gets the record bound by the SDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigClassEndToEndTest {

    private static final String SETTINGS = """
            package com.example.cc;

            import com.fasterxml.jackson.annotation.JsonProperty;
            import com.fasterxml.jackson.annotation.JsonPropertyDescription;

            import java.util.List;
            import java.util.Optional;

            public record CcSettings(@JsonPropertyDescription("Where the events come from") Aws aws, List<Rule> rules,
                                     Mode mode, @JsonProperty("max-events") long maxEvents, Optional<String> nickname) {

                public enum Mode { @JsonProperty("quiet") QUIET, @JsonProperty("very-loud") VERY_LOUD }

                public record Aws(String region, Optional<String> profile) {
                }

                public record Rule(String user, int weight) {
                    public Rule {
                        if (weight < 0) {
                            throw new IllegalArgumentException("weight must not be negative, not " + weight);
                        }
                    }
                }
            }
            """;

    private Path library;

    @BeforeAll
    void buildAPluginWithItsOwnConfigRecord() throws Exception {
        library = new GeneratedProjects("config-class-").newAndBuild("cc", List.of(), project -> {
            Path descriptor = project.resolve("plugin.yaml");
            Files.writeString(descriptor, Files.readString(descriptor).replace("capabilities:\n",
                    "config-class: com.example.cc.CcSettings\ncapabilities:\n"));
            Path pom = project.resolve("pom.xml");
            String text = Files.readString(pom);
            int sdk = text.indexOf("</dependency>", text.indexOf("<artifactId>falco-plugin-sdk</artifactId>")) + "</dependency>".length();
            Files.writeString(pom, text.substring(0, sdk) + """

                        <dependency>
                          <groupId>com.fasterxml.jackson.core</groupId>
                          <artifactId>jackson-annotations</artifactId>
                          <version>2.20</version>
                        </dependency>""" + text.substring(sdk));
            Files.writeString(project.resolve("src/main/java/com/example/cc/CcSettings.java"), SETTINGS);
            GeneratedProjects.useTypedConfig(project, "Cc", "CcSettings", "config + \": \"");
        }, "--shared").resolve("target/libcc.so");
    }

    private static final String CONFIG = "{\"aws\":{\"region\":\"eu-west-3\",\"profile\":\"audit\"},\"rules\":[{\"user\":\"root\","
            + "\"weight\":5}],\"mode\":\"very-loud\",\"max-events\":99999999999}";

    @Test
    void theLibraryExportsADraft07SchemaDerivedFromTheRecord() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--metadata-only");
        assertEquals(0, run.exitCode(), run.describe());
        String line = run.stdout().lines().filter(l -> l.startsWith("init schema (type 1)=\"")).findFirst().orElseThrow();
        String quoted = line.substring(line.indexOf('"') + 1, line.length() - 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            text.append(c == '\\' ? quoted.charAt(++i) : c);
        }
        ObjectMapper mapper = new ObjectMapper();
        var schemaJson = mapper.readTree(text.toString());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        JsonSchema meta = factory.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertEquals(Set.of(), meta.validate(schemaJson));
        assertEquals("[\"quiet\",\"very-loud\"]", schemaJson.at("/properties/mode/enum").toString());
        assertEquals("Where the events come from", schemaJson.at("/properties/aws/description").asText());
        assertEquals("[\"aws\",\"rules\",\"mode\",\"max-events\"]", schemaJson.get("required").toString());
        JsonSchema schema = factory.getSchema(schemaJson);
        assertEquals(Set.of(), schema.validate(mapper.readTree(CONFIG)));
        assertFalse(schema.validate(mapper.readTree(CONFIG.replace("very-loud", "VERY_LOUD"))).isEmpty());
    }

    @Test
    void initGetsTheRecordBound() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", CONFIG, "--events", "1", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("cc.message = \"CcSettings[aws=Aws[region=eu-west-3, profile=Optional[audit]],"
                + " rules=[Rule[user=root, weight=5]], mode=VERY_LOUD, maxEvents=99999999999, nickname=Optional.empty]: cc event 1\"");
    }

    @Test
    void threeMistakesAreReportedAtOnceWithTheirJsonPointers() throws Exception {
        String config = CONFIG.replace("\"eu-west-3\"", "5").replace("\"weight\":5", "\"weight\":-5").replace("very-loud", "loud");
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--config", config, "--expect-init-failure");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe)
                .contains("init failed: init: 3 problems: /aws/region: must be a string, not 5;"
                + " /rules/0: weight must not be negative, not -5; /mode: must be one of quiet, very-loud, not the string \"loud\"");
    }
}
