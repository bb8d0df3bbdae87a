package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Java plugins in one native host process (the second loaded with --with, in the same JVM) log at init through
 * SLF4J, java.util.logging, System.Logger, and a library packed into their jar that logs through SLF4J: every line
 * reaches the host's log function with the owner of the plugin that logged it and the right severity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoggingEndToEndTest {

    private Path loga;
    private Path logb;

    @BeforeAll
    void buildThePlugins() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("logging-");
        Path repository = libraryRepository(projects.work());
        loga = build(projects, "loga", repository);
        logb = build(projects, "logb", repository);
    }

    /** A Maven repository holding one library, dev.falcojava.it:chatty:1.0, that logs through SLF4J. */
    private static Path libraryRepository(Path work) throws Exception {
        Path repository = work.resolve("repository");
        Path sources = Files.createDirectories(work.resolve("chatty-src/com/example/chatty"));
        Path source = Files.writeString(sources.resolve("Chatty.java"), """
                package com.example.chatty;

                public final class Chatty {
                    public static void hello(String who) {
                        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Chatty.class);
                        log.debug("chatty debug to {}", who);
                        log.warn("chatty says hello to {}", who);
                    }
                }
                """);
        Path classes = Files.createDirectories(work.resolve("chatty-classes"));
        String slf4j = Path.of(org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-cp", slf4j, "-d", classes.toString(), source.toString()));
        Path version = Files.createDirectories(repository.resolve("dev/falcojava/it/chatty/1.0"));
        try (OutputStream out = Files.newOutputStream(version.resolve("chatty-1.0.jar"));
             JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("com/example/chatty/Chatty.class"));
            jar.write(Files.readAllBytes(classes.resolve("com/example/chatty/Chatty.class")));
            jar.closeEntry();
        }
        Files.writeString(version.resolve("chatty-1.0.pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.falcojava.it</groupId>
                  <artifactId>chatty</artifactId>
                  <version>1.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.slf4j</groupId>
                      <artifactId>slf4j-api</artifactId>
                      <version>2.0.17</version>
                    </dependency>
                  </dependencies>
                </project>
                """);
        return repository;
    }

    private static Path build(GeneratedProjects projects, String name, Path repository) throws Exception {
        String className = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Plugin";
        return projects.newAndBuild(name, List.of("--capabilities", "extract"), project -> {
            Files.writeString(project.resolve("plugin.yaml"), """
                    name: %1$s
                    version: 0.1.0
                    description: "Logs through every route"
                    contact: "https://example.com"
                    package: com.example.%1$s
                    class: %2$s
                    capabilities:
                      extract:
                        event-sources: [syscall]
                        fields:
                          - name: %1$s.n
                            type: uint64
                            description: "Always 1"
                    """.formatted(name, className));
            try (var files = Files.walk(project.resolve("src"))) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            Path sources = Files.createDirectories(project.resolve("src/main/java/com/example/" + name));
            Files.writeString(sources.resolve(className + ".java"), """
                    package com.example.%1$s;

                    import dev.falcojava.sdk.api.ExtractRequest;

                    public class %2$s extends Abstract%2$s {

                        @Override
                        public void init(String config) {
                            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(%2$s.class);
                            log.info("slf4j info from {} at {}", "%1$s", 262144);
                            log.debug("slf4j debug from %1$s");
                            log.error("slf4j error from %1$s");
                            java.util.logging.Logger.getLogger("com.example.%1$s.Jul").warning("jul warning from %1$s");
                            java.util.logging.Logger.getLogger("com.example.%1$s.Jul").fine("jul fine from %1$s");
                            System.getLogger("com.example.%1$s.Sys").log(System.Logger.Level.ERROR, "system logger error from %1$s");
                            com.example.chatty.Chatty.hello("%1$s");
                        }

                        @Override
                        protected long extractN(ExtractRequest request) {
                            return 1;
                        }
                    }
                    """.formatted(name, className));
            Path pom = project.resolve("pom.xml");
            String text = Files.readString(pom);
            text = text.replaceFirst("\n  <dependencies>\n", """

                      <repositories>
                        <repository>
                          <id>test-libraries</id>
                          <url>%s</url>
                        </repository>
                      </repositories>

                      <dependencies>
                        <dependency>
                          <groupId>dev.falcojava.it</groupId>
                          <artifactId>chatty</artifactId>
                          <version>1.0</version>
                        </dependency>
                    """.formatted(repository.toUri()));
            Files.writeString(pom, text);
        }).resolve("target/lib" + name + ".so");
    }

    @Test
    void eachPluginsLinesReachTheHostUnderItsOwnOwnerWithTheirSeverities() throws Exception {
        NativeHost.Run run = NativeHost.run(loga, Map.of(), "--cycles", "1", "--feed-source", "syscall", "--feed-type", "1",
                "--feed", "0", "--with", logb.toString());
        assertEquals(0, run.exitCode(), run.describe());
        for (String name : List.of("loga", "logb")) {
            String prefix = name.equals("loga") ? "log " : "with log ";
            String className = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Plugin";
            List<String> lines = run.stdout().lines().filter(line -> line.startsWith(prefix) && line.contains(" from " + name)
                    || line.startsWith(prefix) && line.contains("hello to " + name)).toList();
            assertEquals(List.of(
                    prefix + "6 -: " + className + ": slf4j info from " + name + " at 262144",
                    prefix + "3 -: " + className + ": slf4j error from " + name,
                    prefix + "4 -: Jul: jul warning from " + name,
                    prefix + "3 -: Sys: system logger error from " + name,
                    prefix + "4 -: Chatty: chatty says hello to " + name), lines, run.describe());
        }
        assertEquals(10, run.stdout().lines().filter(line -> line.matches("(with )?log \\d -: .*")).count(),
                "no line twice, none in the other plugin's log, none below INFO: " + run.describe());
        assertThat(run.stderr()).doesNotContain(" from loga");
        assertThat(run.stderr()).doesNotContain(" from logb");
        assertThat(run.stderr()).doesNotContain("hello to");
        assertThat(run.stdout()).contains("with plugin name=logb");
    }
}
