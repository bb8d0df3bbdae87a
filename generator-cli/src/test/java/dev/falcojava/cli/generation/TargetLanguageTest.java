package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetLanguageTest {

    private static final String DESCRIPTION = "Says \"hi\" <b> & */ ??= é";

    @ParameterizedTest
    @CsvSource({
            "java/BasePlugin.java.mustache, JAVA",
            "java/methods/ParseMethods.java.mustache, JAVA",
            "native/plugin_glue.c.mustache, C",
            "native/plugin_api.h.mustache, C",
            "project/plugin.yaml.mustache, YAML",
            "falco/rules.yaml.mustache, YAML",
            "project/pom.xml.mustache, XML",
            "project/README.md.mustache, MARKDOWN",
            "project/gitignore.mustache, PLAIN",
            "project/mvn-jvm.config.mustache, PLAIN",
            "deploy/Dockerfile.mustache, PLAIN"})
    void theLanguageIsTheKindOfFileTheTemplateMakes(String template, TargetLanguage language) {
        assertThat(TargetLanguage.of(template)).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            JAVA     | Says \\"hi\\" <b> & */ ??= \\u00e9
            C        | Says \\"hi\\" <b> & */ \\?\\?= \\303\\251
            YAML     | "Says \\"hi\\" <b> & */ ??= é"
            XML      | Says &quot;hi&quot; &lt;b&gt; &amp; */ ??= é
            JSON     | Says \\"hi\\" <b> & */ ??= é
            PLAIN    | Says "hi" <b> & */ ??= é""")
    void eachLanguageEscapesTheSameText(TargetLanguage language, String escaped) {
        assertThat(language.escape(DESCRIPTION)).isEqualTo(escaped);
    }

    @Test
    void theDescriptionLandsEscapedForTheLanguageOfEachFile() throws Exception {
        PluginDescriptor descriptor = DescriptorReader.parse("""
                name: demo
                version: 0.1.0
                description: 'Says "hi" <b> & */ ??= é'
                contact: https://example.com
                package: com.example.demo
                class: DemoPlugin
                capabilities:
                  parse: {}
                """, "plugin.yaml");
        ProjectModel model = new ProjectModelFactory(CliVersion.projectVersions()).create(descriptor);
        TemplateRenderer renderer = new TemplateRenderer();

        assertThat(renderer.render("native/plugin_glue.c.mustache", model))
                .contains("\"" + TargetLanguage.C.escape(DESCRIPTION) + "\"");
        assertThat(renderer.render("java/BasePlugin.java.mustache", model))
                .contains("\"" + TargetLanguage.JAVA.escape(DESCRIPTION) + "\"");
        assertThat(renderer.render("project/pom.xml.mustache", model))
                .contains("<description>" + TargetLanguage.XML.escape(DESCRIPTION) + "</description>");
        assertThat(renderer.render("project/plugin.yaml.mustache", model))
                .contains("description: " + TargetLanguage.YAML.escape(DESCRIPTION) + "\n");
        assertThat(renderer.render("project/README.md.mustache", model))
                .contains(TargetLanguage.MARKDOWN.escape(DESCRIPTION));
    }
}
