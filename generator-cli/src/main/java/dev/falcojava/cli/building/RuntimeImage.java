package dev.falcojava.cli.building;

import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The minimal Java runtime a bundled build ships beside its library, {@code lib<name>.jre/}: made by jlink from the
 * build JDK with the modules the plugin jar needs (jdeps), {@code java.base} and plugin.yaml's {@code jvm.modules}.
 *
 * @param folder  the runtime's home
 * @param modules the modules it holds, sorted
 * @param bytes   its size on disk
 */
public record RuntimeImage(Path folder, List<String> modules, long bytes) {

    /** The module every runtime has; the SDK and the glue need nothing else. */
    static final String BASE_MODULE = "java.base";

    public RuntimeImage {
        modules = List.copyOf(modules);
    }

    /** The runtime folder of {@code descriptor}'s library in {@code project}, whether or not it exists. */
    public static Path folder(Path project, PluginDescriptor descriptor) {
        return project.resolve("target").resolve(folderName(descriptor.name()));
    }

    /** {@code lib<name>.jre}: the folder the glue looks for beside the library. */
    public static String folderName(String pluginName) {
        return "lib" + pluginName + ".jre";
    }

    /** The modules {@code jar} needs, by {@code jdeps}, with {@code java.base} and {@code extra}. */
    static List<String> modules(Path project, Path jar, Jdk jdk, List<String> extra) throws BuildException {
        List<String> command = List.of(jdk.home().resolve("bin/jdeps").toString(), "--print-module-deps",
                "--ignore-missing-deps", "--multi-release", String.valueOf(Math.max(jdk.feature(), Jdk.MIN_FEATURE)),
                jar.toAbsolutePath().toString());
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, project, Map.of());
        if (outcome.exitCode() != 0) {
            throw new BuildException("jdeps failed (exit " + outcome.exitCode() + ") on " + jar + ":\n" + outcome.output());
        }
        TreeSet<String> modules = new TreeSet<>(extra);
        modules.add(BASE_MODULE);
        String printed = outcome.output().lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((first, last) -> last).orElse("");
        Arrays.stream(printed.split(",")).map(String::strip).filter(m -> !m.isEmpty()).forEach(modules::add);
        return List.copyOf(modules);
    }

    /** Replaces {@code folder} with a stripped jlink image of {@code modules} from {@code jdk}. */
    static RuntimeImage link(Path project, Path folder, List<String> modules, Jdk jdk) throws BuildException {
        delete(folder);
        List<String> command = List.of(jdk.home().resolve("bin/jlink").toString(), "--add-modules",
                String.join(",", modules), "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", folder.toString());
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, project, Map.of());
        if (outcome.exitCode() != 0) {
            throw new BuildException("jlink failed (exit " + outcome.exitCode() + "):\n" + outcome.output());
        }
        if (!Files.isRegularFile(folder.resolve("lib/server/libjvm.so"))) {
            throw new BuildException("the runtime made by jlink in " + folder + " has no lib/server/libjvm.so: the JDK at "
                    + jdk.home() + " has no server VM; build with a JDK that has one");
        }
        return new RuntimeImage(folder, modules, size(folder));
    }

    /** Removes a runtime folder left by an earlier bundled build, so no stale runtime is shipped. */
    static void delete(Path folder) throws BuildException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot remove the old runtime " + folder + ": " + e.getMessage());
        }
    }

    /** The runtime already built in {@code folder}, for a step that did not build it. */
    public static RuntimeImage existing(Path folder) throws BuildException {
        try {
            String release = Files.readString(folder.resolve("release"));
            String modules = release.lines().filter(line -> line.startsWith("MODULES=")).findFirst()
                    .map(line -> line.substring("MODULES=".length()).replace("\"", "")).orElse("");
            return new RuntimeImage(folder, Arrays.stream(modules.split(" ")).filter(m -> !m.isBlank()).sorted().toList(),
                    size(folder));
        } catch (IOException e) {
            throw new BuildException("cannot read the runtime " + folder + ": " + e.getMessage());
        }
    }

    private static long size(Path folder) throws BuildException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot measure the runtime " + folder + ": " + e.getMessage());
        }
    }

    /** One line for the build's output: where, which modules, how big. */
    public String describe() {
        return "bundled runtime " + folder + " (" + String.join(",", modules) + "; "
                + String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0) + ", " + bytes + " bytes)";
    }
}
