package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.BuildException;
import dev.falcojava.cli.building.Jdk;
import dev.falcojava.cli.building.NativeLink;
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

/**
 * {@code falco-plugin link}: the step a generated pom runs after packaging (falco-plugin-maven-plugin's {@code link}
 * goal): checks the project's rules files and the plugin jar against plugin.yaml, and compiles the native library
 * around it. {@code build} and plain {@code mvn package} both end with it.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Check the rules in falco/ (check-rules) and target/falco-plugin-all.jar against plugin.yaml, "
                + "and compile the native library (the last step of mvn package in a generated project).",
        footer = {"", "Example:", "  falco-plugin link --linkage static --dir my-plugin"})
public final class LinkCommand implements Callable<Integer> {

    @Option(names = "--linkage", paramLabel = "declared|shared|static", defaultValue = "declared",
            description = "The library to build: as plugin.yaml declares (default), shared or static.")
    private String linkage;

    @Option(names = "--runtime", paramLabel = "declared|bundled", defaultValue = "declared",
            description = "bundled: also make a minimal Java runtime (jlink) beside the library; declared (default): "
                    + "as plugin.yaml's jvm.runtime says.")
    private String runtime;

    @Option(names = "--no-rules-check",
            description = "Leave the rules in falco/ to the check-rules step (falco-plugin-maven-plugin's link goal does).")
    private boolean noRulesCheck;

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.projectDir();
        Optional<PluginDescriptor> read = project.readDescriptor("link", spec.commandLine().getErr());
        if (read.isEmpty()) {
            return ExitCodes.USAGE;
        }
        PluginDescriptor descriptor = read.get();
        descriptor = switch (linkage) {
            case "declared" -> descriptor;
            case "shared" -> descriptor.withLinkage(new Linkage.Shared());
            case "static" -> descriptor.withLinkage(descriptor.linkage() instanceof Linkage.Static declared ? declared
                    : new Linkage.Static(Linkage.defaultApiSymbol(descriptor.name())));
            default -> null;
        };
        if (descriptor == null) {
            spec.commandLine().getErr().println("falco-plugin link: --linkage must be declared, shared or static, not '"
                    + linkage + "'");
            return ExitCodes.USAGE;
        }
        descriptor = switch (runtime) {
            case "declared" -> descriptor;
            case "bundled" -> descriptor.withBundledRuntime();
            default -> null;
        };
        if (descriptor == null) {
            spec.commandLine().getErr().println("falco-plugin link: --runtime must be declared or bundled, not '" + runtime + "'");
            return ExitCodes.USAGE;
        }
        if (!noRulesCheck && !CheckRulesCommand.projectRulesPass(descriptor, dir, spec.commandLine().getOut(), spec.commandLine().getErr())) {
            spec.commandLine().getErr().println("falco-plugin link: Falco would refuse the rules in " + dir.resolve("falco")
                    + "; fix them (falco-plugin check-rules) and build again");
            return ExitCodes.USAGE;
        }
        try {
            NativeLink.Linked linked = NativeLink.run(dir, descriptor, Jdk.forBuilding());
            spec.commandLine().getOut().println("linked " + linked.library() + " (" + Files.size(linked.library()) + " bytes)");
            linked.runtime().ifPresent(image -> spec.commandLine().getOut().println(image.describe()));
            return ExitCodes.OK;
        } catch (BuildException e) {
            spec.commandLine().getErr().println("falco-plugin link: " + e.getMessage());
            return ExitCodes.BUILD_FAILED;
        }
    }
}
