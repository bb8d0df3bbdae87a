package dev.falcojava.cli.commands;

import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code --dir} option of commands that work on an existing project. */
public final class ProjectDirOption {

    @Option(names = "--dir", paramLabel = "DIR", description = "The plugin project (default: the current directory).")
    private Path dir = Path.of(".");

    public Path projectDir() {
        return dir.toAbsolutePath().normalize();
    }

    /**
     * The project's plugin.yaml, or empty after telling {@code err} why it cannot be read (no file: the project
     * directory; invalid: every problem with its position).
     */
    Optional<PluginDescriptor> readDescriptor(String command, PrintWriter err) throws IOException {
        Path project = projectDir();
        try {
            return Optional.of(DescriptorReader.read(project.resolve(ProjectContributors.DESCRIPTOR)));
        } catch (NoSuchFileException e) {
            err.println("falco-plugin " + command + ": no plugin.yaml in " + project
                    + "; run it in a project made by falco-plugin new, or pass --dir");
        } catch (DescriptorException e) {
            err.println(e.getMessage());
        }
        return Optional.empty();
    }
}
