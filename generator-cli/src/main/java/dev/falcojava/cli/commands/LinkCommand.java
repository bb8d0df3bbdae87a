package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.AotCache;
import dev.falcojava.cli.building.Jdk;
import dev.falcojava.cli.building.NativeLink;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code falco-plugin link}: the step a generated pom runs after packaging (falco-plugin-maven-plugin's {@code link}
 * goal): checks the project's rules files and the plugin jar against plugin.yaml, and compiles the native library
 * around it. {@code build} and plain {@code mvn package} both end with it.
 */
@Command(name = "link",
        description = "Check the rules in falco/ (check-rules) and target/falco-plugin-all.jar against plugin.yaml, "
                + "and compile the native library (the last step of mvn package in a generated project).",
        footer = {"", "Example:", "  falco-plugin link --linkage static --dir my-plugin"})
public final class LinkCommand extends ProjectCommand {

    @Option(names = "--linkage", paramLabel = "LINKAGE", defaultValue = "declared",
            description = "The library to build, one of ${COMPLETION-CANDIDATES}: as plugin.yaml declares (the "
                    + "default), shared or static.")
    private LinkageChoice linkage;

    @Option(names = "--runtime", paramLabel = "RUNTIME", defaultValue = "declared",
            description = "One of ${COMPLETION-CANDIDATES}. bundled: also make a minimal Java runtime (jlink) beside "
                    + "the library; declared (the default): as plugin.yaml's jvm.runtime says.")
    private RuntimeChoice runtime;

    @Option(names = "--no-rules-check",
            description = "Leave the rules in falco/ to the check-rules step (falco-plugin-maven-plugin's link goal does).")
    private boolean noRulesCheck;

    @Override
    public Integer call() throws Exception {
        Path dir = projectDir();
        PluginDescriptor descriptor = runtime.apply(linkage.apply(descriptor()));
        if (!noRulesCheck) {
            CheckRulesCommand.requireProjectRulesPass(descriptor, dir, out(), err());
        }
        NativeLink.Linked linked = NativeLink.run(dir, descriptor, Jdk.forBuilding());
        out().println("linked " + linked.library() + " (" + Files.size(linked.library()) + " bytes)");
        linked.runtime().ifPresent(image -> out().println(image.describe()));
        (linked.aotCache() instanceof AotCache.Failed ? err() : out()).println(linked.aotCache().describe());
        return ExitCodes.OK;
    }
}
