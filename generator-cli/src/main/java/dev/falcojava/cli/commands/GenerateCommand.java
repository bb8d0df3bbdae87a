package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.PomEditor;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code falco-plugin generate}: rewrites the derived files of a project from its plugin.yaml. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Regenerate src/generated from plugin.yaml (build does it too). Your classes are never touched.",
        footer = {"", "Example:", "  falco-plugin generate --dir my-plugin"})
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.projectDir();
        try {
            List<Path> changed = new ProjectGenerator(CliVersion.projectVersions())
                    .regenerate(DescriptorReader.read(dir.resolve(ProjectContributors.DESCRIPTOR)), dir);
            if (changed.isEmpty()) {
                spec.commandLine().getOut().println("up to date: nothing to regenerate in " + dir);
            }
            for (Path file : changed) {
                spec.commandLine().getOut().println("regenerated " + file);
            }
            warnOfAnEarlierPom(dir.resolve("pom.xml"));
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("falco-plugin generate: no plugin.yaml in " + dir + "; pass --dir");
            return ExitCodes.USAGE;
        } catch (DescriptorException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /**
     * A pom made by an earlier version: its tests would not find the harness, which left the SDK; its falco-plugin
     * steps run through exec-maven-plugin, which still works.
     */
    private void warnOfAnEarlierPom(Path pom) throws IOException {
        if (!Files.isRegularFile(pom)) {
            return;
        }
        String text = Files.readString(pom);
        if (!PomEditor.hasTestingDependency(text)) {
            spec.commandLine().getErr().println("falco-plugin: " + pom + " has no test-scoped dependency on"
                    + " falco-plugin-sdk-testing, where the test harness (dev.falcojava.sdk.testing) lives now; run"
                    + " falco-plugin upgrade");
        }
        if (PomEditor.hasExecSteps(text)) {
            spec.commandLine().getErr().println("falco-plugin: " + pom + " runs the falco-plugin steps through"
                    + " exec-maven-plugin; they keep working, and falco-plugin upgrade binds them through"
                    + " falco-plugin-maven-plugin instead");
        }
    }
}
