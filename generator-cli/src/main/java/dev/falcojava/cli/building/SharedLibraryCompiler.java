package dev.falcojava.cli.building;

import dev.falcojava.cli.generation.ProjectContributors;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiles the generated native glue with gcc into {@code target/lib<name>.so}, embedding the plugin jar. */
public final class SharedLibraryCompiler {

    private SharedLibraryCompiler() {
    }

    public static Path compile(Path project, String pluginName, Path pluginJar, Jdk jdk) throws BuildException {
        Path library = project.resolve("target/lib" + pluginName + ".so");
        String compiler = System.getenv().getOrDefault("CC", "gcc");
        List<String> command = List.of(compiler, "-shared", "-fPIC", "-O2", "-fvisibility=hidden",
                "-Wall", "-Wextra", "-Werror",
                "-I" + jdk.include(), "-I" + jdk.include().resolve("linux"),
                "-DFJP_JAR_PATH=" + cStringLiteral(pluginJar.toAbsolutePath()),
                "-DFJP_BUILD_JAVA_HOME=" + cStringLiteral(jdk.home()),
                project.resolve(ProjectContributors.NATIVE_GLUE).toString(),
                "-o", library.toString(), "-ldl", "-lpthread");
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, project, Map.of());
        if (outcome.exitCode() != 0) {
            throw new BuildException(compiler + " failed (exit " + outcome.exitCode() + "):\n" + outcome.output());
        }
        return library;
    }

    /** A path as a C string literal for a -D definition; paths that cannot be written there are refused. */
    static String cStringLiteral(Path path) throws BuildException {
        String text = path.toString();
        if (text.contains("\"") || text.contains("\\") || text.contains("\n")) {
            throw new BuildException("the path " + text + " contains a quote, backslash or line break, which the "
                    + "native build cannot embed; move the project or JDK to a plain path");
        }
        return "\"" + text + "\"";
    }
}
