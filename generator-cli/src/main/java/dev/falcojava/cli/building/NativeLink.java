package dev.falcojava.cli.building;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The step after {@code mvn package}: checks the plugin jar against plugin.yaml, writes the glue for the linkage of
 * this build (which may override plugin.yaml's), then compiles the native library and trains its AOT cache.
 */
public final class NativeLink {

    private NativeLink() {
    }

    /** The library {@code descriptor}'s linkage produces in {@code project}. */
    public static Path library(Path project, PluginDescriptor descriptor) {
        String name = "lib" + descriptor.name() + (descriptor.linkage() instanceof Linkage.Static ? ".a" : ".so");
        return project.resolve("target").resolve(name);
    }

    private static String linkageName(PluginDescriptor descriptor) {
        return descriptor.linkage() instanceof Linkage.Static ? "static" : "shared";
    }

    /**
     * What a link made: the library, the runtime beside it when the build bundles one, and its AOT cache.
     *
     * @param library the shared library or static archive
     * @param runtime the bundled runtime, or empty
     * @param aotCache what the AOT cache step did
     */
    public record Linked(Path library, Optional<RuntimeImage> runtime, AotCache.Outcome aotCache) {
    }

    /**
     * Links the jar of {@code project} (already packaged) into the library of {@code descriptor}'s linkage; with
     * {@code jvm.runtime: bundled}, also makes the runtime beside it, and otherwise removes one left by an earlier build.
     */
    public static Linked run(Path project, PluginDescriptor descriptor, Jdk jdk) throws BuildException {
        Path jar = project.resolve(MavenPackage.PLUGIN_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new BuildException("no " + jar + ": run mvn package first (is the shade plugin still in pom.xml?)");
        }
        NativeCompiler.checkEmbeddable(project, jdk);
        CapabilityCheck.run(descriptor, jar);
        PluginDescriptor linked = ConfigClassSchema.derive(descriptor, jar);
        try {
            new ProjectGenerator(CliVersion.projectVersions()).regenerate(linked, project);
        } catch (IOException e) {
            throw new BuildException("cannot write the native glue for the " + linkageName(descriptor) + " library: " + e.getMessage());
        }
        Path runtimeFolder = RuntimeImage.folder(project, descriptor);
        List<String> modules = List.of();
        List<String> defines = List.of();
        if (descriptor.jvm().bundlesRuntime()) {
            modules = RuntimeImage.modules(project, jar, jdk, descriptor.jvm().modules());
            defines = List.of("-DFJP_BUNDLED_RUNTIME=" + NativeCompiler.cStringLiteral(RuntimeImage.folderName(descriptor.name())),
                    "-DFJP_RUNTIME_MODULES=" + NativeCompiler.cStringLiteral(String.join(",", modules)));
        } else {
            RuntimeImage.delete(runtimeFolder);
        }
        Path library = switch (descriptor.linkage()) {
            case Linkage.Shared shared -> NativeCompiler.compileShared(project, descriptor.name(), jar, jdk, defines);
            case Linkage.Static staticLinkage -> NativeCompiler.compileStatic(project, descriptor.name(), jar, jdk, defines);
        };
        Optional<RuntimeImage> runtime = descriptor.jvm().bundlesRuntime()
                ? Optional.of(RuntimeImage.link(project, runtimeFolder, modules, jdk))
                : Optional.empty();
        return new Linked(library, runtime, AotCache.train(project, descriptor, library, jdk));
    }
}
