package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.PomEditor;
import dev.falcojava.cli.generation.ProjectGenerator;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code falco-plugin generate}: rewrites the derived files of a project from its plugin.yaml. */
@Command(name = "generate",
        description = "Regenerate src/generated from plugin.yaml (build does it too). Your classes are never touched.",
        footer = {"", "Example:", "  falco-plugin generate --dir my-plugin"})
public final class GenerateCommand extends ProjectCommand {

    @Override
    public Integer call() throws Exception {
        Path dir = projectDir();
        List<Path> changed = new ProjectGenerator(CliVersion.projectVersions()).regenerate(descriptor(), dir);
        if (changed.isEmpty()) {
            out().println("up to date: nothing to regenerate in " + dir);
        }
        for (Path file : changed) {
            out().println("regenerated " + file);
        }
        warnOfAnEarlierPom(dir.resolve("pom.xml"));
        return ExitCodes.OK;
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
            err().println("falco-plugin: " + pom + " has no test-scoped dependency on"
                    + " falco-plugin-sdk-testing, where the test harness (dev.falcojava.sdk.testing) lives now; run"
                    + " falco-plugin upgrade");
        }
        if (PomEditor.hasExecSteps(text)) {
            err().println("falco-plugin: " + pom + " runs the falco-plugin steps through"
                    + " exec-maven-plugin; they keep working, and falco-plugin upgrade binds them through"
                    + " falco-plugin-maven-plugin instead");
        }
    }
}
