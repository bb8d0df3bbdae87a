package dev.falcojava.it.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build refuses a plugin class that implements a capability plugin.yaml does not declare, naming the fix. */
class BuildChecksEndToEndTest {

    @Test
    void aCapabilityImplementedButNotDeclaredFailsTheBuildWithTheFix() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("checks-");
        Path project = projects.newProject("undeclared");
        Map<String, String> environment = Map.of("JAVA_HOME", projects.jdk().toString());
        Path plugin = project.resolve("src/main/java/com/example/undeclared/UndeclaredPlugin.java");
        Files.writeString(plugin, Files.readString(plugin).replace(
                "public class UndeclaredPlugin extends AbstractUndeclaredPlugin {", """
                public class UndeclaredPlugin extends AbstractUndeclaredPlugin implements dev.falcojava.sdk.api.ParsePlugin {

                    @Override
                    public void parse(dev.falcojava.sdk.api.PluginEvent event) {
                    }
                """));
        FalcoPluginCli.Result build = FalcoPluginCli.run(environment, "build", "--dir", project.toString());
        assertEquals(1, build.exitCode(), build.output());
        assertThat(build.output())
                .contains("com.example.undeclared.UndeclaredPlugin implements ParsePlugin but plugin.yaml "
                + "does not declare parse: run falco-plugin add-capability parse, or remove 'implements ParsePlugin'");
        assertFalse(Files.exists(project.resolve("target/libundeclared.so")), "no library is built");
    }
}
