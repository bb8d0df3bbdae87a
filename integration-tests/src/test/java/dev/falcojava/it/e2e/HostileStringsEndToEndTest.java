package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strings from plugin.yaml with quotes, backslashes, comment ends, newlines, tabs, printf directives and non-ASCII
 * text reach C, Java, JSON and YAML and come back exactly: the host reads them from the library's metadata
 * functions and fields JSON, and from the Java side through an extracted field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileStringsEndToEndTest {

    /** The same text, written once as the value and once as a YAML double-quoted scalar. */
    private static final String HOSTILE = "She said \"hi\" \\ back\\slash */ end /* % %s %n 100% naïve ✓ 日本\nsecond\tline";
    private static final String HOSTILE_YAML = "\"She said \\\"hi\\\" \\\\ back\\\\slash */ end /* % %s %n 100% naïve ✓ 日本\\nsecond\\tline\"";

    private Path library;

    @BeforeAll
    void buildAPluginWithHostileStrings() throws Exception {
        library = new GeneratedProjects("hostile-").newAndBuild("hostile", List.of(), project -> {
            Path descriptor = project.resolve("plugin.yaml");
            String yaml = Files.readString(descriptor)
                    .replace("description: \"A Falco plugin written in Java\"", "description: " + HOSTILE_YAML)
                    .replace("contact: \"https://example.com\"", "contact: " + HOSTILE_YAML)
                    .replace("        description: \"The event payload as text\"",
                            "        display: " + HOSTILE_YAML + "\n        description: " + HOSTILE_YAML);
            Files.writeString(descriptor, yaml);
            Path plugin = project.resolve("src/main/java/com/example/hostile/HostilePlugin.java");
            Files.writeString(plugin, Files.readString(plugin).replace("return request.event().payloadAsString();",
                    "return INFO.description() + \"|\" + INFO.contact();"));
            Files.delete(project.resolve("src/test/java/com/example/hostile/HostilePluginTest.java"));
        }).resolve("target/libhostile.so");
    }

    @Test
    void metadataAndFieldsJsonReturnTheDescriptorStringsExactly() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--metadata-only");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("description=" + hostQuote(HOSTILE) + "\ncontact=" + hostQuote(HOSTILE) + "\n");
        assertThat(run.stdout())
                .contains("field hostile.message type=string list=0 arg=none display=" + hostQuote(HOSTILE)
                + " desc=" + hostQuote(HOSTILE) + "\n");
    }

    @Test
    void theJavaSideSeesTheSameStrings() throws Exception {
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--events", "1", "--cycles", "1", "--fields", "hostile.message");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("  hostile.message = " + hostQuote(HOSTILE + "|" + HOSTILE) + "\n");
    }

    /** How the host prints a string: double quotes, C escapes for quotes, backslashes and control bytes. */
    private static String hostQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return new String(out.append('"').toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
