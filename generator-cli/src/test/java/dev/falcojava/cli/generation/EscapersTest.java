package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.CString;
import dev.falcojava.cli.generation.escape.JavaString;
import dev.falcojava.cli.generation.escape.JavadocText;
import dev.falcojava.cli.generation.escape.YamlString;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class EscapersTest {

    private static final String[] HOSTILE = {
            "plain", "quote \" and backslash \\", "comment */ end", "percent %s %d %n", "new\nline\ttab\r",
            "trigraph ??= ??/", "non-ASCII: é ü 中文 \uD83D\uDE00", "\u0001 control \u007F", "unicode escape \\u000a"};

    @Test
    void cStringLiteralsDecodeToTheUtf8BytesOfTheText() {
        for (String text : HOSTILE) {
            String escaped = CString.escape(text);
            assertTrue(escaped.chars().allMatch(c -> c >= 0x20 && c < 0x7F), escaped);
            assertThat(escaped).as(() -> "trigraphs must be broken up: " + escaped).doesNotContain("??");
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), decodeC(escaped), text);
        }
    }

    @Test
    void javaStringLiteralsDecodeToTheText() {
        for (String text : HOSTILE) {
            String escaped = JavaString.escape(text);
            assertTrue(escaped.chars().allMatch(c -> c >= 0x20 && c < 0x7F), escaped);
            assertEquals(text, decodeJava(escaped));
        }
    }

    @Test
    void javadocTextCannotEndTheCommentOrStartAnEscape() {
        for (String text : HOSTILE) {
            String escaped = JavadocText.escape(text);
            assertThat(escaped).doesNotContain("*/");
            assertThat(escaped).doesNotContain("\\");
            assertThat(escaped).doesNotContain("\n");
        }
    }

    @Test
    void yamlScalarsLoadBackToTheText() {
        for (String text : HOSTILE) {
            assertEquals(text, new Yaml().load("key: " + YamlString.quote(text) + "\n") instanceof java.util.Map<?, ?> m
                    ? m.get("key") : null);
        }
    }

    @Test
    void theFieldsJsonIsEscapedJson() throws Exception {
        String json = ProjectModelFactory.fieldsJson(java.util.List.of(new dev.falcojava.cli.model.FieldSpec("a.b",
                dev.falcojava.cli.model.FieldType.STRING, "say \"hi\"\n")));
        assertEquals("[{\"name\":\"a.b\",\"type\":\"string\",\"desc\":\"say \\\"hi\\\"\\n\"}]", json);
        assertEquals("say \"hi\"\n", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(0).get("desc").asText());
    }

    private static byte[] decodeC(String literal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char next = literal.charAt(++i);
            if (next >= '0' && next <= '7') {
                out.write(Integer.parseInt(literal.substring(i, i + 3), 8));
                i += 2;
            } else {
                out.write(next);
            }
        }
        return out.toByteArray();
    }

    private static String decodeJava(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
