package dev.falcojava.cli.building;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falcojava.cli.model.ConfigClass;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/** The link step's schema of a config-class, from the record compiled into the plugin jar. */
class ConfigClassSchemaTest {

    private static PluginDescriptor descriptor() throws Exception {
        return DescriptorReader.parse("""
                name: cc
                version: 0.1.0
                description: d
                contact: c
                package: com.example.cc
                config-class: com.example.cc.Settings
                capabilities:
                  extract:
                    event-sources: [x]
                    fields:
                      - name: cc.a
                        type: string
                        description: A
                """, "plugin.yaml");
    }

    /** A jar with {@code source} compiled as com/example/cc/Settings.java. */
    private static Path jar(Path tmp, String source) throws Exception {
        Path file = tmp.resolve("src/com/example/cc/Settings.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = tmp.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), file.toString()));
        Path jar = tmp.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path c : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString()));
                Files.copy(c, (OutputStream) out);
            }
        }
        return jar;
    }

    @Test
    void theSchemaOfTheCompiledRecordGoesIntoTheDescriptor(@TempDir Path tmp) throws Exception {
        Path jar = jar(tmp, "package com.example.cc; public record Settings(String region, java.util.Optional<Integer> port) {}");
        PluginDescriptor linked = ConfigClassSchema.derive(descriptor(), jar);
        String schema = linked.configClass().flatMap(ConfigClass::schema).orElseThrow();
        var json = new ObjectMapper().readTree(schema);
        assertEquals("[\"region\"]", json.get("required").toString());
        assertEquals("integer", json.at("/properties/port/type").asText());
    }

    @Test
    void aMissingOrUnbindableRecordFailsTheBuildNamingIt(@TempDir Path tmp) throws Exception {
        Path other = jar(tmp.resolve("a"), "package com.example.cc; public record Settings(java.util.Map<String, String> labels) {}");
        assertEquals("config-class com.example.cc.Settings cannot be bound to init_config: com.example.cc.Settings.labels:"
                        + " init_config cannot be bound to java.util.Map<java.lang.String, java.lang.String> (supported: int, long,"
                        + " double, boolean, their boxes, String, enums, records, List and Optional of these)",
                assertThrows(BuildException.class, () -> ConfigClassSchema.derive(descriptor(), other)).getMessage());
        Path empty = jar(tmp.resolve("b"), "package com.example.cc; record Other() {}");
        assertThat(assertThrows(BuildException.class, () -> ConfigClassSchema.derive(descriptor(), empty)).getMessage())
                .startsWith("config-class com.example.cc.Settings of plugin.yaml is not in ");
    }
}
