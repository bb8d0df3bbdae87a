package dev.falcojava.cli.building;

import dev.falcojava.cli.generation.ProjectContributors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles the generated native glue with gcc, embedding the plugin jar, into the library the linkage asks for. */
public final class NativeCompiler {

    private NativeCompiler() {
    }

    /**
     * Fails before any build step when the plugin jar's path (inside {@code project}) or the JDK's cannot be embedded
     * in the glue, so that the user does not wait for Maven to learn it.
     */
    public static void checkEmbeddable(Path project, Jdk jdk) throws BuildException {
        cStringLiteral(project.resolve(MavenPackage.PLUGIN_JAR).toAbsolutePath());
        cStringLiteral(jdk.home());
    }

    /** {@code target/lib<name>.so}, exporting the plugin_* functions. */
    public static Path compileShared(Path project, String pluginName, Path pluginJar, Jdk jdk) throws BuildException {
        return compileShared(project, pluginName, pluginJar, jdk, List.of());
    }

    /** As {@link #compileShared(Path, String, Path, Jdk)}, with more {@code -D} definitions for the glue. */
    static Path compileShared(Path project, String pluginName, Path pluginJar, Jdk jdk, List<String> defines)
            throws BuildException {
        Path library = project.resolve("target/lib" + pluginName + ".so");
        List<String> command = gcc(project, pluginJar, jdk, "-shared", defines);
        command.addAll(List.of("-o", library.toString(), "-ldl", "-lpthread"));
        run(command, project);
        return library;
    }

    /**
     * {@code target/lib<name>.a}, {@code target/<name>.h} and the plugin API header it includes: an archive with one
     * object and no exported plugin_* symbol.
     */
    public static Path compileStatic(Path project, String pluginName, Path pluginJar, Jdk jdk) throws BuildException {
        return compileStatic(project, pluginName, pluginJar, jdk, List.of());
    }

    /** As {@link #compileStatic(Path, String, Path, Jdk)}, with more {@code -D} definitions for the glue. */
    static Path compileStatic(Path project, String pluginName, Path pluginJar, Jdk jdk, List<String> defines)
            throws BuildException {
        Path object = project.resolve("target/native/" + pluginName + ".o");
        Path archive = project.resolve("target/lib" + pluginName + ".a");
        try {
            Files.createDirectories(object.getParent());
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new BuildException("cannot prepare " + object.getParent() + ": " + e.getMessage());
        }
        List<String> command = gcc(project, pluginJar, jdk, "-c", defines);
        command.addAll(List.of("-o", object.toString()));
        run(command, project);
        run(List.of(BuildTool.AR.command(), "rcs", archive.toString(), object.toString()), project);
        Path header = project.resolve(ProjectContributors.NATIVE_GLUE).resolveSibling(pluginName + ".h");
        try {
            Files.copy(header, project.resolve("target/" + pluginName + ".h"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(includes(project).resolve(GlueRuntime.ABI_HEADER), project.resolve("target/" + GlueRuntime.ABI_HEADER),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BuildException("cannot copy " + header + " and the plugin API header next to the archive: "
                    + e.getMessage());
        }
        return archive;
    }

    /** The include directory of the glue: the plugin API header and the glue runtime. */
    private static Path includes(Path project) {
        return project.resolve("target/native/include");
    }

    private static List<String> gcc(Path project, Path pluginJar, Jdk jdk, String mode, List<String> defines)
            throws BuildException {
        GlueRuntime.writeTo(includes(project));
        List<String> command = new ArrayList<>(List.of(BuildTool.GCC.command(), mode, "-fPIC", "-O2",
                "-fvisibility=hidden", "-Wall", "-Wextra", "-Werror",
                "-I" + includes(project), "-I" + jdk.include(), "-I" + jdk.include().resolve("linux"),
                "-DFJP_JAR_PATH=" + cStringLiteral(pluginJar.toAbsolutePath()),
                "-DFJP_BUILD_JAVA_HOME=" + cStringLiteral(jdk.home())));
        command.addAll(defines);
        command.add(project.resolve(ProjectContributors.NATIVE_GLUE).toString());
        return command;
    }

    private static void run(List<String> command, Path project) throws BuildException {
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, project, Map.of());
        if (outcome.exitCode() != 0) {
            throw new BuildException(command.getFirst() + " failed (exit " + outcome.exitCode() + "):\n" + outcome.output());
        }
    }

    /** A path as a C string literal for a -D definition; paths that cannot be written there are refused. */
    static String cStringLiteral(Path path) throws BuildException {
        return cStringLiteral(path.toString());
    }

    /** A text as a C string literal for a -D definition; texts that cannot be written there are refused. */
    static String cStringLiteral(String text) throws BuildException {
        if (text.contains("\"") || text.contains("\\") || text.contains("\n")) {
            throw new BuildException("the path " + text + " contains a quote, backslash or line break, which the "
                    + "native build cannot embed; move the project or JDK to a plain path");
        }
        return "\"" + text + "\"";
    }
}
