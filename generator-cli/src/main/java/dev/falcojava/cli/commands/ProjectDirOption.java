package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The {@code --dir} option of commands that work on an existing project, and the plugin.yaml found there. */
public final class ProjectDirOption {

    @Option(names = "--dir", paramLabel = "DIR", description = "The plugin project (default: the current directory).")
    private Path dir = Path.of(".");

    public Path projectDir() {
        return dir.toAbsolutePath().normalize();
    }

    /**
     * The project's plugin.yaml.
     *
     * @throws CliException naming the project directory when it has no plugin.yaml
     * @throws DescriptorException with every problem and its position when it is not valid
     */
    PluginDescriptor descriptor() throws IOException, DescriptorException {
        Path project = projectDir();
        try {
            return DescriptorReader.read(project.resolve(ProjectContributors.DESCRIPTOR));
        } catch (NoSuchFileException e) {
            throw CliException.usage("no plugin.yaml in " + project + "; pass --dir");
        }
    }
}
