package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class ProjectGeneratorTest {

    private static final String DESCRIPTOR = """
            name: my-plugin
            version: 1.0.0
            description: "Says \\"*/ hi\\" in 中文"
            contact: me
            id: 4294967295
            package: org.acme.plugin
            capabilities:
              source:
                event-source: acme
              extract:
                fields:
                  - name: acme.count
                    type: uint64
                    description: The number of the event
                  - name: acme.flag_set
                    type: bool
                    description: A flag
            """;

    private final ProjectGenerator generator = new ProjectGenerator(CliVersion.projectVersions());

    private static PluginDescriptor descriptor() throws Exception {
        return DescriptorReader.parse(DESCRIPTOR, "plugin.yaml");
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void createsTheProjectWithDerivedAndUserFiles(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("my-plugin");
        generator.create(descriptor(), project);
        assertEquals(List.of(Path.of(".gitignore"), Path.of(".mvn/jvm.config"), Path.of("README.md"), Path.of("falco/falco.yaml"),
                Path.of("falco/my-plugin_rules.yaml"), Path.of("falco/registry.yaml"), Path.of("plugin.yaml"), Path.of("pom.xml"),
                Path.of("src/generated/java/org/acme/plugin/AbstractMyPluginPlugin.java"),
                Path.of("src/generated/native/plugin_glue.c"),
                Path.of("src/main/java/org/acme/plugin/MyPluginPlugin.java"),
                Path.of("src/main/java/org/acme/plugin/MyPluginSourceInstance.java"),
                Path.of("src/test/java/org/acme/plugin/MyPluginPluginTest.java")), filesUnder(project));
        String base = Files.readString(project.resolve("src/generated/java/org/acme/plugin/AbstractMyPluginPlugin.java"));
        assertThat(base)
                .contains("public abstract class AbstractMyPluginPlugin implements SourcePlugin, ExtractPlugin {");
        assertThat(base)
                .contains("protected abstract long extractCount(ExtractRequest request) throws Exception;");
        assertThat(base)
                .contains("protected abstract boolean extractFlagSet(ExtractRequest request) throws Exception;");
        assertThat(base).contains("case 1 -> request.setBool(extractFlagSet(request));");
        assertThat(base).contains("return (int) 4294967295L;");
        assertThat(base).contains("\"Says \\\"*/ hi\\\" in \\u4e2d\\u6587\"");
        assertThat(base).as(() -> "the description must not close the Javadoc comment")
                .doesNotContain("\"*/ hi\" in 中文 */");
        String glue = Files.readString(project.resolve("src/generated/native/plugin_glue.c"));
        assertThat(glue).contains("return \"Says \\\"*/ hi\\\" in \\344\\270\\255\\346\\226\\207\";");
        assertThat(glue).contains("return 4294967295u;");
        assertThat(glue).as(() -> "no symbol of an undeclared capability").doesNotContain("plugin_parse_event");
        assertEquals(descriptor(), DescriptorReader.read(project.resolve("plugin.yaml")), "plugin.yaml round-trips");
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTheFalcoConfigurationAnExampleRuleAndTheRegistryEntry(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("my-plugin");
        generator.create(descriptor(), project);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
        java.util.Map<String, Object> falco = yaml.load(Files.readString(project.resolve("falco/falco.yaml")));
        java.util.Map<String, Object> plugin = ((List<java.util.Map<String, Object>>) falco.get("plugins")).getFirst();
        assertEquals("my-plugin", plugin.get("name"));
        assertEquals("/usr/share/falco/plugins/libmy-plugin.so", plugin.get("library_path"));
        assertEquals(List.of("my-plugin"), falco.get("load_plugins"));
        List<java.util.Map<String, Object>> rules = yaml.load(Files.readString(project.resolve("falco/my-plugin_rules.yaml")));
        assertEquals(List.of(java.util.Map.of("name", "my-plugin", "version", descriptor().version())),
                rules.getFirst().get("required_plugin_versions"));
        assertEquals("acme", rules.get(1).get("source"));
        assertEquals("acme.count exists", rules.get(1).get("condition"));
        assertEquals("my-plugin event (acme.count=%acme.count acme.flag_set=%acme.flag_set)", rules.get(1).get("output"));
        assertEquals(List.of(), dev.falcojava.cli.rules.RulesCheck.check(descriptor(),
                List.of(project.resolve("falco/my-plugin_rules.yaml"))).findings(), "the starter rule passes check-rules");
        List<java.util.Map<String, Object>> registry = yaml.load(Files.readString(project.resolve("falco/registry.yaml")));
        assertEquals("Says \"*/ hi\" in 中文", registry.getFirst().get("description"));
        java.util.Map<String, Object> capabilities = (java.util.Map<String, Object>) registry.getFirst().get("capabilities");
        assertEquals(java.util.Map.of("supported", true, "id", 4294967295L, "source", "acme"), capabilities.get("sourcing"));
        assertEquals(java.util.Map.of("supported", true, "sources", List.of("acme")), capabilities.get("extraction"));
    }

    @Test
    void refusesANonEmptyTargetAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(project.resolve("notes.txt"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> generator.create(descriptor(), project));
        assertEquals(List.of(Path.of("notes.txt")), filesUnder(project));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(project), left.toList(), "no staging directory is left behind");
        }
    }

    @Test
    void regenerationRewritesOnlyDerivedFilesAndIsIdempotent(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("p");
        generator.create(descriptor(), project);
        Path userClass = project.resolve("src/main/java/org/acme/plugin/MyPluginPlugin.java");
        Files.writeString(userClass, Files.readString(userClass) + "// my change\n");
        Path base = project.resolve("src/generated/java/org/acme/plugin/AbstractMyPluginPlugin.java");
        Files.writeString(base, "broken by hand");

        assertEquals(List.of(Path.of("src/generated/java/org/acme/plugin/AbstractMyPluginPlugin.java")),
                generator.regenerate(descriptor(), project));
        assertThat(Files.readString(base)).startsWith("// Generated by falco-plugin");
        assertThat(Files.readString(userClass)).endsWith("// my change\n");
        assertEquals(List.of(), generator.regenerate(descriptor(), project), "a second run changes nothing");
    }
}
