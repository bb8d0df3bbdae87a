package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.AotCache;
import dev.falcojava.cli.building.Jdk;
import dev.falcojava.cli.building.MavenPackage;
import dev.falcojava.cli.building.NativeCompiler;
import dev.falcojava.cli.building.NativeLink;
import dev.falcojava.cli.building.RuntimeImage;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.model.Linkage;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code falco-plugin build}: regenerates the derived code, runs Maven, and compiles the native library. */
@Command(name = "build",
        description = "Build the plugin library: regenerate src/generated from plugin.yaml, check the rules in falco/ "
                + "(check-rules), then mvn package, whose falco-plugin-maven-plugin goals generate, check the rules "
                + "again, check the plugin class and compile the native glue (plain mvn package does the same). "
                + "The linkage is plugin.yaml's unless --shared or --static is given.",
        footer = {"", "Examples:", "  falco-plugin build --shared --dir my-plugin    # -> my-plugin/target/libmy-plugin.so",
                "  falco-plugin build --static --dir my-plugin    # -> my-plugin/target/libmy-plugin.a and my-plugin.h"})
public final class BuildCommand extends ProjectCommand {

    @CommandLine.ArgGroup(exclusive = true)
    private LinkageFlags linkage;

    /** --shared or --static: overrides plugin.yaml's linkage for this build. */
    static final class LinkageFlags {
        @Option(names = "--shared", required = true,
                description = "Build lib<name>.so for Falco's library_path, whatever plugin.yaml says.")
        boolean shared;

        @Option(names = "--static", required = true,
                description = "Build lib<name>.a and <name>.h for hosts that link plugins in, whatever plugin.yaml says.")
        boolean staticLinkage;
    }

    @Option(names = "--bundle-runtime",
            description = "Also make a minimal Java runtime with jlink beside the library (lib<name>.jre), as "
                    + "jvm.runtime: bundled in plugin.yaml does, so the host needs no JDK.")
    private boolean bundleRuntime;

    @Override
    public Integer call() throws Exception {
        Path dir = projectDir();
        LinkageChoice linkageChoice = linkage == null ? LinkageChoice.DECLARED
                : linkage.shared ? LinkageChoice.SHARED : LinkageChoice.STATIC;
        RuntimeChoice runtimeChoice = bundleRuntime ? RuntimeChoice.BUNDLED : RuntimeChoice.DECLARED;
        PluginDescriptor descriptor = runtimeChoice.apply(linkageChoice.apply(descriptor()));
        new ProjectGenerator(CliVersion.projectVersions()).regenerate(descriptor, dir);
        CheckRulesCommand.requireProjectRulesPass(descriptor, dir, out(), err());
        Jdk jdk = Jdk.forBuilding();
        NativeCompiler.checkEmbeddable(dir, jdk);
        Path library = NativeLink.library(dir, descriptor);
        Files.deleteIfExists(library);
        MavenPackage.run(dir, jdk, linkageChoice.toString(), runtimeChoice.toString());
        Path runtime = RuntimeImage.folder(dir, descriptor);
        boolean runtimeMissing = descriptor.jvm().bundlesRuntime() && !Files.isDirectory(runtime);
        if (!Files.exists(library) || runtimeMissing) {
            // a pom older than the falco.runtime property links without the runtime: link again
            library = NativeLink.run(dir, descriptor, jdk).library();
        }
        out().println("built " + library + " (" + Files.size(library) + " bytes, JDK " + jdk.home() + ")");
        if (descriptor.jvm().bundlesRuntime()) {
            out().println(RuntimeImage.existing(runtime).describe());
        }
        Path aotCache = AotCache.file(dir, descriptor);
        if (Files.isRegularFile(aotCache)) {
            out().println("AOT cache " + aotCache + " (" + Files.size(aotCache) + " bytes)");
        } else if (descriptor.linkage() instanceof Linkage.Shared && descriptor.jvm().aotCache()) {
            err().println("warning: no AOT cache was trained, so the plugin starts without it; falco-plugin link --dir "
                    + dir + " says why");
        }
        return ExitCodes.OK;
    }
}
