package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.EditException;
import dev.falcojava.cli.editing.PomEditor;
import dev.falcojava.cli.generation.AtomicFiles;
import dev.falcojava.cli.generation.TemplateRenderer;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code falco-plugin upgrade}: brings a project made by an earlier version up to this one's conventions, touching
 * only its pom.xml: the test-scoped dependency on falco-plugin-sdk-testing, and the falco-plugin steps bound through
 * falco-plugin-maven-plugin instead of exec-maven-plugin. Your code is never changed.
 */
@Command(name = "upgrade",
        description = "Update pom.xml of a project made by an earlier falco-plugin: adds the test-scoped dependency on"
                + " falco-plugin-sdk-testing (the test harness) and replaces the exec-maven-plugin block of the"
                + " falco-plugin steps with falco-plugin-maven-plugin. Nothing else is changed.",
        footer = {"", "Example:", "  falco-plugin upgrade --dir my-plugin"})
public final class UpgradeCommand extends ProjectCommand {

    @Override
    public Integer call() throws IOException {
        Path pom = projectDir().resolve("pom.xml");
        try {
            PomEditor editor = new PomEditor(new TemplateRenderer());
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            List<String> changes = new ArrayList<>();
            Optional<String> withTesting = editor.addTestingDependency(text);
            if (withTesting.isPresent()) {
                text = withTesting.get();
                changes.add("added the test-scoped dependency dev.falcojava:falco-plugin-sdk-testing (the test harness)");
            }
            Optional<String> withMavenPlugin = editor.migrateExecSteps(text);
            if (withMavenPlugin.isPresent()) {
                text = withMavenPlugin.get();
                changes.add("the falco-plugin steps run through dev.falcojava:falco-plugin-maven-plugin instead of"
                        + " exec-maven-plugin");
            }
            if (changes.isEmpty()) {
                out().println("up to date: nothing to change in " + pom);
            } else {
                AtomicFiles.write(pom, text);
                out().println("upgraded " + pom + ": " + String.join("; ", changes));
            }
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            throw CliException.usage("no pom.xml in " + projectDir() + "; pass --dir");
        } catch (EditException e) {
            throw CliException.usage(e.getMessage() + "; nothing was changed");
        }
    }
}
