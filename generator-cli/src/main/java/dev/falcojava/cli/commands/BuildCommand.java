package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.BuildException;
import dev.falcojava.cli.building.Jdk;
import dev.falcojava.cli.building.MavenPackage;
import dev.falcojava.cli.building.SharedLibraryCompiler;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code falco-plugin build}: regenerates the derived code, runs Maven, and compiles the native library. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the plugin library: regenerate src/generated from plugin.yaml, mvn package, gcc.",
        footer = {"", "Example:", "  falco-plugin build --shared --dir my-plugin    # -> my-plugin/target/libmy-plugin.so"})
public final class BuildCommand implements Callable<Integer> {

    @Option(names = "--shared", description = "Build lib<name>.so for Falco's library_path (the default).")
    private boolean shared;

    @Option(names = "--static", description = "Build lib<name>.a and <name>.h for hosts that link plugins statically.")
    private boolean staticLinkage;

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (staticLinkage) {
            spec.commandLine().getErr().println("falco-plugin build: static linkage is not implemented yet; use --shared");
            return ExitCodes.USAGE;
        }
        Path dir = project.projectDir();
        PluginDescriptor descriptor;
        try {
            descriptor = DescriptorReader.read(dir.resolve(ProjectContributors.DESCRIPTOR));
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("falco-plugin build: no plugin.yaml in " + dir
                    + "; run it in a project made by falco-plugin new, or pass --dir");
            return ExitCodes.USAGE;
        } catch (DescriptorException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            new ProjectGenerator(CliVersion.projectVersions()).regenerate(descriptor, dir);
            Jdk jdk = Jdk.forBuilding();
            Path jar = MavenPackage.run(dir, jdk);
            Path library = SharedLibraryCompiler.compile(dir, descriptor.name(), jar, jdk);
            spec.commandLine().getOut().println("built " + library + " (" + Files.size(library) + " bytes, JDK " + jdk.home() + ")");
            return ExitCodes.OK;
        } catch (BuildException e) {
            spec.commandLine().getErr().println("falco-plugin build: " + e.getMessage());
            return ExitCodes.BUILD_FAILED;
        }
    }
}
