package dev.falcojava.it.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugin projects made with the real CLI in a scratch directory, built with a JDK reached through a symbolic link. */
final class GeneratedProjects {

    /** A change a test makes to a generated project before building it, as a user would. */
    @FunctionalInterface
    interface ProjectEdit {
        void apply(Path project) throws Exception;
    }

    private final Path work;
    private final Path jdk;

    GeneratedProjects(String prefix) throws IOException {
        Path buildDir = Path.of(System.getProperty("falco.buildDir", "target")).toAbsolutePath();
        Files.createDirectories(buildDir);
        work = Files.createTempDirectory(buildDir, prefix);
        jdk = Files.createSymbolicLink(work.resolve("jdk"), Path.of(System.getProperty("java.home")));
    }

    Path work() {
        return work;
    }

    /** The JDK link the CLI builds with, and so the JDK the plugins record. */
    Path jdk() {
        return jdk;
    }

    /** {@code falco-plugin new NAME --dir ...}, then {@code edit}, then {@code falco-plugin build [buildOptions]}. */
    Path newAndBuild(String name, List<String> newOptions, ProjectEdit edit, String... buildOptions) throws Exception {
        Path project = work.resolve(name);
        Map<String, String> environment = Map.of("JAVA_HOME", jdk.toString());
        List<String> create = new ArrayList<>(List.of("new", name, "--dir", project.toString()));
        create.addAll(newOptions);
        FalcoPluginCli.Result created = FalcoPluginCli.run(environment, create.toArray(String[]::new));
        assertEquals(0, created.exitCode(), created.output());
        edit.apply(project);
        List<String> build = new ArrayList<>(List.of("build", "--dir", project.toString()));
        build.addAll(List.of(buildOptions));
        FalcoPluginCli.Result built = FalcoPluginCli.run(environment, build.toArray(String[]::new));
        assertEquals(0, built.exitCode(), built.output());
        assertThat(built.output()).contains("built " + project.resolve("target"));
        return project;
    }
}
