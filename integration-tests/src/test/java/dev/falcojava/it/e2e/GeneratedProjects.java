package dev.falcojava.it.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** {@code falco-plugin new NAME --dir ... [newOptions]}: the new project, not built. */
    Path newProject(String name, String... newOptions) throws Exception {
        Path project = work.resolve(name);
        List<String> create = new ArrayList<>(List.of("new", name, "--dir", project.toString()));
        create.addAll(List.of(newOptions));
        FalcoPluginCli.Result created = FalcoPluginCli.run(Map.of("JAVA_HOME", jdk.toString()), create.toArray(String[]::new));
        assertEquals(0, created.exitCode(), created.output());
        return project;
    }

    /** {@code falco-plugin new NAME --dir ...}, then {@code edit}, then {@code falco-plugin build [buildOptions]}. */
    Path newAndBuild(String name, List<String> newOptions, ProjectEdit edit, String... buildOptions) throws Exception {
        Path project = newProject(name, newOptions.toArray(String[]::new));
        Map<String, String> environment = Map.of("JAVA_HOME", jdk.toString());
        edit.apply(project);
        List<String> build = new ArrayList<>(List.of("build", "--dir", project.toString()));
        build.addAll(List.of(buildOptions));
        FalcoPluginCli.Result built = FalcoPluginCli.run(environment, build.toArray(String[]::new));
        assertEquals(0, built.exitCode(), built.output());
        assertThat(built.output()).contains("built " + project.resolve("target"));
        return project;
    }

    /**
     * {@code newAndBuild} of {@code name} with {@code --capabilities capabilities}, with the plugin.yaml and the plugin
     * class file {@code pluginClass} of {@code resources} in place of the starter's and no test: the shared library.
     */
    Path libraryOf(String name, String capabilities, Path resources, String pluginClass) throws Exception {
        return newAndBuild(name, List.of("--capabilities", capabilities),
                withPlugin(resources.resolve("plugin.yaml"), resources.resolve(pluginClass))).resolve("target/lib" + name + ".so");
    }

    /** Writes {@code lines} to a new file of the work directory, for the host's {@code --syscall-events}. */
    Path syscallEvents(List<String> lines) throws IOException {
        return Files.write(Files.createTempFile(work, "events-", ".txt"), lines);
    }

    /**
     * The edit that puts {@code descriptor} and the plugin class {@code pluginClass} (a file named as the class) in place
     * of the starter's, and deletes the starter test.
     */
    static ProjectEdit withPlugin(Path descriptor, Path pluginClass) {
        return project -> {
            replace(project, "plugin.yaml", descriptor);
            withPlugin(pluginClass).apply(project);
        };
    }

    /** The edit that puts the plugin class {@code pluginClass} in place of the starter's, and deletes the starter test. */
    static ProjectEdit withPlugin(Path pluginClass) {
        return project -> {
            replace(project, "src/main/java/com/example/" + project.getFileName() + "/" + pluginClass.getFileName(), pluginClass);
            deleteTests(project);
        };
    }

    /** Puts {@code source} at {@code target} (relative to {@code project}) in place of what the CLI wrote there. */
    static void replace(Path project, String target, Path source) throws IOException {
        Files.copy(source, project.resolve(target), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes src/test of {@code project}: its starter test checks the starter plugin, which the test replaced. */
    static void deleteTests(Path project) throws IOException {
        try (var files = Files.walk(project.resolve("src/test"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Turns the starter plugin class of {@code project} into one with a typed config: {@code init(String)} becomes
     * {@code init(configType)}, which keeps the config, and the message field returns {@code messagePrefix} (a Java
     * expression that may use {@code config}) before the payload. Its generated test is deleted: it starts the plugin
     * without a config.
     */
    static void useTypedConfig(Path project, String className, String configType, String messagePrefix) throws IOException {
        String packagePath = "src/main/java/com/example/" + className.toLowerCase(java.util.Locale.ROOT);
        Path plugin = project.resolve(packagePath).resolve(className + "Plugin.java");
        Files.writeString(plugin, Files.readString(plugin)
                .replace("""
                            @Override
                            public void init(String config) {
                                // config is the init_config of this plugin in falco.yaml
                            }
                        """, """
                            private %s config;

                            @Override
                            protected void init(%s config) {
                                this.config = config;
                            }
                        """.formatted(configType, configType))
                .replace("return request.event().payloadAsString();",
                        "return " + messagePrefix + " + request.event().payloadAsString();"));
        Files.delete(project.resolve(packagePath.replace("src/main", "src/test")).resolve(className + "PluginTest.java"));
    }
}
