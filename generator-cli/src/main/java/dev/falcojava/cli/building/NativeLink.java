package dev.falcojava.cli.building;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The step after {@code mvn package}: checks the plugin jar against plugin.yaml, writes the glue for the linkage of
 * this build (which may override plugin.yaml's), then compiles the native library.
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

    /** Links the jar of {@code project} (already packaged) into the library of {@code descriptor}'s linkage. */
    public static Path run(Path project, PluginDescriptor descriptor, Jdk jdk) throws BuildException {
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
        return switch (descriptor.linkage()) {
            case Linkage.Shared shared -> NativeCompiler.compileShared(project, descriptor.name(), jar, jdk);
            case Linkage.Static staticLinkage -> NativeCompiler.compileStatic(project, descriptor.name(), jar, jdk);
        };
    }
}
