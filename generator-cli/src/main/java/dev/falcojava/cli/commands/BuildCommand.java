package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.BuildException;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code falco-plugin build}: regenerates the derived code, runs Maven, and compiles the native library. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the plugin library: regenerate src/generated from plugin.yaml, check the rules in falco/ "
                + "(check-rules), then mvn package, whose falco-plugin-maven-plugin goals generate, check the rules "
                + "again, check the plugin class and compile the native glue (plain mvn package does the same). "
                + "The linkage is plugin.yaml's unless --shared or --static is given.",
        footer = {"", "Examples:", "  falco-plugin build --shared --dir my-plugin    # -> my-plugin/target/libmy-plugin.so",
                "  falco-plugin build --static --dir my-plugin    # -> my-plugin/target/libmy-plugin.a and my-plugin.h"})
public final class BuildCommand implements Callable<Integer> {

    @CommandLine.ArgGroup(exclusive = true)
    private LinkageChoice linkage;

    /** --shared or --static: overrides plugin.yaml's linkage for this build. */
    static final class LinkageChoice {
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

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.projectDir();
        Optional<PluginDescriptor> read = project.readDescriptor("build", spec.commandLine().getErr());
        if (read.isEmpty()) {
            return ExitCodes.USAGE;
        }
        PluginDescriptor descriptor = read.get();
        descriptor = descriptor.withLinkage(chosenLinkage(descriptor));
        if (bundleRuntime) {
            descriptor = descriptor.withBundledRuntime();
        }
        try {
            new ProjectGenerator(CliVersion.projectVersions()).regenerate(descriptor, dir);
            if (!CheckRulesCommand.projectRulesPass(descriptor, dir, spec.commandLine().getOut(), spec.commandLine().getErr())) {
                spec.commandLine().getErr().println("falco-plugin build: Falco would refuse the rules in "
                        + dir.resolve("falco") + "; fix them (falco-plugin check-rules) and build again");
                return ExitCodes.USAGE;
            }
            Jdk jdk = Jdk.forBuilding();
            NativeCompiler.checkEmbeddable(dir, jdk);
            Path library = NativeLink.library(dir, descriptor);
            Files.deleteIfExists(library);
            MavenPackage.run(dir, jdk, linkageProperty(), bundleRuntime ? "bundled" : "declared");
            Path runtime = RuntimeImage.folder(dir, descriptor);
            boolean runtimeMissing = descriptor.jvm().bundlesRuntime() && !Files.isDirectory(runtime);
            if (!Files.exists(library) || runtimeMissing) {
                // a pom older than the falco.runtime property links without the runtime: link again
                library = NativeLink.run(dir, descriptor, jdk).library();
            }
            spec.commandLine().getOut().println("built " + library + " (" + Files.size(library) + " bytes, JDK " + jdk.home() + ")");
            if (descriptor.jvm().bundlesRuntime()) {
                spec.commandLine().getOut().println(RuntimeImage.existing(runtime).describe());
            }
            return ExitCodes.OK;
        } catch (BuildException e) {
            spec.commandLine().getErr().println("falco-plugin build: " + e.getMessage());
            return ExitCodes.BUILD_FAILED;
        }
    }

    /** The {@code falco.linkage} the generated pom passes to its link step. */
    private String linkageProperty() {
        return linkage == null ? "declared" : linkage.shared ? "shared" : "static";
    }

    private Linkage chosenLinkage(PluginDescriptor descriptor) {
        if (linkage == null) {
            return descriptor.linkage();
        }
        if (linkage.shared) {
            return new Linkage.Shared();
        }
        return descriptor.linkage() instanceof Linkage.Static declared ? declared
                : new Linkage.Static(Linkage.defaultApiSymbol(descriptor.name()));
    }
}
