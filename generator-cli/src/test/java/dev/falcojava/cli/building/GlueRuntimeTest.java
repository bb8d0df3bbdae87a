package dev.falcojava.cli.building;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.model.DescriptorReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The glue runtime compiles warning-free by itself, and a rendered glue compiles warning-free with it. */
class GlueRuntimeTest {

    private static final Path RUNTIME = Path.of("../templates/native/runtime").toAbsolutePath().normalize();
    private static final Path JDK_INCLUDE = Path.of(System.getProperty("java.home"), "include");
    private static final List<String> BUNDLED = List.of("-DFJP_BUNDLED_RUNTIME=\"libdemo.jre\"",
            "-DFJP_RUNTIME_MODULES=\"java.base,java.logging\"");

    private static final String EVERY_CAPABILITY = """
            name: everything
            version: 1.0.0
            description: d
            contact: c
            id: 999
            package: org.acme.everything
            jvm:
              options: [-Xmx64m]
            config:
              - name: max-events
                type: integer
                description: How many
                default: 10
            metrics: true
            capabilities:
              source:
                event-source: everything
              extract:
                fields:
                  - name: everything.count
                    type: uint64
                    description: The number of the event
              parse:
                event-sources: [everything, syscall]
                event-types: [322, 3]
              async:
                events: [everything_tick]
              capture-listen: {}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"fjp_jvm.c", "fjp_jar.c", "fjp_loader.c", "fjp_boot.c"})
    void eachRuntimeSourceCompilesAloneWithoutAWarning(String file, @TempDir Path tmp) throws Exception {
        compile(tmp, List.of("-c", "-fPIC", "-o", tmp.resolve("plain.o").toString(), RUNTIME.resolve(file).toString()));
        List<String> bundled = new ArrayList<>(BUNDLED);
        bundled.addAll(List.of("-c", "-fPIC", "-o", tmp.resolve("bundled.o").toString(), RUNTIME.resolve(file).toString()));
        compile(tmp, bundled);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "static"})
    void aRenderedGlueOfEveryCapabilityCompilesWithoutAWarning(String linkage, @TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("everything");
        String descriptor = EVERY_CAPABILITY + (linkage.equals("static") ? "linkage: static\n" : "");
        new ProjectGenerator(CliVersion.projectVersions()).create(DescriptorReader.parse(descriptor, "plugin.yaml"), project);
        Path includes = tmp.resolve("include");
        GlueRuntime.writeTo(includes);
        Path glue = project.resolve(ProjectContributors.NATIVE_GLUE);
        for (List<String> defines : List.of(List.<String>of(), BUNDLED)) {
            List<String> arguments = new ArrayList<>(List.of("-fsyntax-only", "-I" + includes, "-DFJP_JAR_PATH=\"plugin.jar\""));
            arguments.addAll(defines);
            arguments.add(glue.toString());
            compile(tmp, arguments);
        }
    }

    @Test
    void theBuildWritesTheRuntimeThatTheCheckoutHas(@TempDir Path tmp) throws Exception {
        try (var files = Files.list(RUNTIME)) {
            assertEquals(files.map(path -> path.getFileName().toString()).sorted().toList(),
                    GlueRuntime.FILES.stream().sorted().toList(), "every file of the runtime is packaged");
        }
        GlueRuntime.writeTo(tmp);
        for (String file : GlueRuntime.FILES) {
            assertEquals(Files.readString(RUNTIME.resolve(file)), Files.readString(tmp.resolve("runtime").resolve(file)), file);
        }
        assertEquals(Files.readString(Path.of("../native-host").resolve(GlueRuntime.ABI_HEADER)),
                Files.readString(tmp.resolve(GlueRuntime.ABI_HEADER)));
    }

    private static void compile(Path directory, List<String> arguments) throws BuildException {
        List<String> command = new ArrayList<>(List.of(BuildTool.GCC.command(), "-Wall", "-Wextra", "-Werror",
                "-I" + JDK_INCLUDE, "-I" + JDK_INCLUDE.resolve("linux")));
        command.addAll(arguments);
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, directory, Map.of());
        assertEquals(0, outcome.exitCode(), String.join(" ", command) + "\n" + outcome.output());
    }
}
