package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;

/** A command that works on an existing project: its {@code --dir} and, for most, its plugin.yaml. */
public abstract class ProjectCommand extends BaseCommand {

    @Mixin
    ProjectDirOption project;

    protected final Path projectDir() {
        return project.projectDir();
    }

    /**
     * The project's plugin.yaml.
     *
     * @throws dev.falcojava.cli.CliException when the project has none
     * @throws DescriptorException with every problem and its position when it is not valid
     */
    protected final PluginDescriptor descriptor() throws IOException, DescriptorException {
        return project.descriptor();
    }
}
