package dev.falcojava.cli.commands;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --dir} option of commands that work on an existing project. */
public final class ProjectDirOption {

    @Option(names = "--dir", paramLabel = "DIR", description = "The plugin project (default: the current directory).")
    private Path dir = Path.of(".");

    public Path projectDir() {
        return dir.toAbsolutePath().normalize();
    }
}
