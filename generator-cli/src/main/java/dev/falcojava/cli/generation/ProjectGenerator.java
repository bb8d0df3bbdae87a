package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Writes generated projects: whole new projects atomically, and the derived files of existing ones. */
public final class ProjectGenerator {

    private final ProjectModelFactory models;
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final List<ProjectContributor> contributors = ProjectContributors.all();

    public ProjectGenerator(ProjectModel.Versions versions) {
        this.models = new ProjectModelFactory(versions);
    }

    /** Every file of the project of {@code descriptor}. */
    public List<GeneratedFile> files(PluginDescriptor descriptor) {
        ProjectModel model = models.create(descriptor);
        List<GeneratedFile> files = new ArrayList<>();
        for (ProjectContributor contributor : contributors) {
            contributor.contribute(model, renderer).ifPresent(files::add);
        }
        return files;
    }

    /**
     * Creates the project in {@code target}: everything is written into a temporary directory beside it, then moved
     * into place in one step, so a failure leaves nothing behind.
     *
     * @throws FileAlreadyExistsException when {@code target} exists and is not an empty directory
     */
    public List<GeneratedFile> create(PluginDescriptor descriptor, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "exists and is not an empty directory");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
        try {
            List<GeneratedFile> files = files(descriptor);
            for (GeneratedFile file : files) {
                Path path = staging.resolve(file.path());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.content(), StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(absolute);
            AtomicFiles.move(staging, absolute);
            return files;
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * Rewrites the derived files of the project in {@code projectDir}; user files are never touched.
     *
     * @return the files whose content changed
     */
    public List<Path> regenerate(PluginDescriptor descriptor, Path projectDir) throws IOException {
        List<Path> changed = new ArrayList<>();
        for (GeneratedFile file : files(descriptor)) {
            if (file.ownership() != GeneratedFile.Ownership.DERIVED) {
                continue;
            }
            Path path = projectDir.resolve(file.path());
            Optional<String> current = Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
            if (current.isPresent() && current.get().equals(file.content())) {
                continue;
            }
            AtomicFiles.write(path, file.content());
            changed.add(file.path());
        }
        return changed;
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
