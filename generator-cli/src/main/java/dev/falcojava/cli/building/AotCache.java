package dev.falcojava.cli.building;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JDK AOT cache of a shared library, {@code lib<name>.aot} beside it: trained at build time by one run of the
 * native test host ({@code --aot-train}) through the library itself, so with the JVM options of plugin.yaml and the
 * runtime the plugin will start (the bundled one with {@code jvm.runtime: bundled}). The glue hands it to the JVM it
 * starts when the cache was made by that runtime; otherwise the plugin starts without it.
 */
public final class AotCache {

    /** Events the training run pulls (or feeds, to a plugin without a source) through every field and parse. */
    static final int TRAINING_EVENTS = 64;

    /**
     * JVM options of the training run on JDK 25: the cache keeps the classes, loaded and linked, and no method
     * profiles (JEP 515's training data). The profiles of a short run made the JIT compile the source path's JDK
     * memory access out of line in about a third of the processes, for 4 to 9 ns more per event; without them
     * sourcing is as in a run without a cache, and init does less JIT work. The flag is diagnostic, so it is given
     * only to the JDK it is known in; the plugin's own run needs no option for it.
     */
    static List<String> trainingJvmOptions(int jdkFeature) {
        return jdkFeature == 25 ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining") : List.of();
    }

    private AotCache() {
    }

    /** What the step did. */
    public sealed interface Outcome {
        /** One line for the build's output. */
        String describe();
    }

    /** The cache was trained into {@code file}. */
    public record Trained(Path file, long bytes, long millis) implements Outcome {
        @Override
        public String describe() {
            return "trained the AOT cache " + file + " (" + bytes + " bytes, " + millis + " ms)";
        }
    }

    /** No cache for this build, and why: {@code jvm.aot-cache: false}, or a static archive. */
    public record Skipped(String why) implements Outcome {
        @Override
        public String describe() {
            return "no AOT cache: " + why;
        }
    }

    /** The training run failed: the library is built and starts without a cache. */
    public record Failed(String why) implements Outcome {
        @Override
        public String describe() {
            return "warning: the AOT cache could not be trained, so the plugin starts without it (set jvm.aot-cache: "
                    + "false in plugin.yaml to skip this step): " + why;
        }
    }

    /** The cache file of {@code descriptor}'s library in {@code project}. */
    public static Path file(Path project, PluginDescriptor descriptor) {
        return project.resolve("target").resolve("lib" + descriptor.name() + ".aot");
    }

    /**
     * Trains the cache of the just linked {@code library}, or removes one an earlier build left when this build makes
     * none; a cache from an earlier build is removed before training, so a failed run leaves no stale cache either.
     */
    public static Outcome train(Path project, PluginDescriptor descriptor, Path library, Jdk jdk) throws BuildException {
        Path cache = file(project, descriptor);
        try {
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new BuildException("cannot remove the old AOT cache " + cache + ": " + e.getMessage());
        }
        if (descriptor.linkage() instanceof Linkage.Static) {
            return new Skipped("a static archive is linked into its host program, whose own run can train one "
                    + "(see docs/operations.md)");
        }
        if (!descriptor.jvm().aotCache()) {
            return new Skipped("plugin.yaml sets jvm.aot-cache: false");
        }
        StringWriter hostLog = new StringWriter();
        Path host;
        try {
            host = TestHostBinary.ensure(System.getenv(), new PrintWriter(hostLog));
        } catch (BuildException e) {
            return new Failed(e.getMessage());
        }
        List<String> command = command(host, descriptor, cache, library, trainingJvmOptions(jdk.feature()));
        long started = System.nanoTime();
        ProcessRunner.Outcome outcome = ProcessRunner.run(command, project,
                Map.of("FALCO_PLUGIN_JAVA_HOME", jdk.home().toString()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.exitCode() != 0 || !Files.isRegularFile(cache)) {
            deleteQuietly(cache);
            return new Failed(String.join(" ", command) + " exited with " + outcome.exitCode() + ":\n" + tail(outcome.output()));
        }
        try {
            return new Trained(cache, Files.size(cache), millis);
        } catch (IOException e) {
            throw new BuildException("cannot read the AOT cache " + cache + ": " + e.getMessage());
        }
    }

    /**
     * The training run, in the project's folder: one cycle (a second one, with a new class loader, can leave a class
     * of the first loader out of the cache), a source plugin opened with the first of its suggested open parameters
     * and read for its own events; fed events of its first source otherwise.
     */
    static List<String> command(Path host, PluginDescriptor descriptor, Path cache, Path library, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(host.toString(), "--aot-train", cache.toString(), "--cycles", "1"));
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of("--aot-jvm-options", String.join(" ", jvmOptions)));
        }
        if (descriptor.source().isPresent()) {
            command.addAll(List.of("--events", String.valueOf(TRAINING_EVENTS)));
            descriptor.source().get().openParams().stream().findFirst()
                    .ifPresent(suggested -> command.addAll(List.of("--open-params", suggested.value())));
        } else {
            command.addAll(List.of("--feed", String.valueOf(TRAINING_EVENTS), "--feed-source", fedSource(descriptor),
                    "--allow-extract-failure"));
        }
        command.add(library.toAbsolutePath().toString());
        return command;
    }

    private static String fedSource(PluginDescriptor descriptor) {
        return descriptor.capabilities().stream()
                .flatMap(capability -> switch (capability) {
                    case Capability.Extract extract -> extract.eventSources().stream();
                    case Capability.Parse parse -> parse.eventSources().stream();
                    default -> java.util.stream.Stream.<String>empty();
                })
                .findFirst().orElse("syscall");
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the glue checks a cache before it uses one: a leftover partial file is refused at run time
        }
    }
}
