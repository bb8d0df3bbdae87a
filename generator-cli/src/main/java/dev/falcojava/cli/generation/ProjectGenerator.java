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
            contributor.contribute(model, renderer)
                    .map(f -> f.ownership() == GeneratedFile.Ownership.STARTER
                            ? new GeneratedFile(f.path(), StarterFile.stamped(f.content()), f.ownership()) : f)
                    .ifPresent(files::add);
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
        return create(descriptor, target, Optional.empty(), false).files();
    }

    /** What {@link #create(PluginDescriptor, Path, Optional, boolean)} wrote, and where a replaced directory went. */
    public record Created(List<GeneratedFile> files, Optional<Path> previous) {
    }

    /**
     * Creates the project in {@code target}: everything is written into a temporary directory beside it, then moved
     * into place in one step, so a failure leaves nothing behind.
     *
     * @param descriptorText the exact plugin.yaml to write (the user's own file), instead of rendering it
     * @param force          replace an existing non-empty {@code target}; it is moved aside, never deleted
     * @throws FileAlreadyExistsException when {@code target} exists, is not an empty directory, and not {@code force}
     */
    public Created create(PluginDescriptor descriptor, Path target, Optional<String> descriptorText, boolean force)
            throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        boolean occupied = Files.exists(absolute) && !isEmptyDirectory(absolute);
        if (occupied && !force) {
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
                String content = file.path().equals(ProjectContributors.DESCRIPTOR) && descriptorText.isPresent()
                        ? descriptorText.get() : file.content();
                Files.writeString(path, content, StandardCharsets.UTF_8);
            }
            Optional<Path> previous = Optional.empty();
            if (occupied) {
                previous = Optional.of(asidePath(absolute));
                Files.move(absolute, previous.get());
            } else {
                Files.deleteIfExists(absolute);
            }
            AtomicFiles.move(staging, absolute);
            return new Created(files, previous);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** {@code DIR.previous}, or {@code DIR.previous-N} for the first N that is free. */
    private static Path asidePath(Path dir) {
        Path aside = dir.resolveSibling(dir.getFileName() + ".previous");
        for (int n = 2; Files.exists(aside); n++) {
            aside = dir.resolveSibling(dir.getFileName() + ".previous-" + n);
        }
        return aside;
    }

    /**
     * Rewrites the derived files of the project in {@code projectDir}, and its starter files that are still as
     * written; user files are never touched.
     *
     * @return the files whose content changed
     */
    public List<Path> regenerate(PluginDescriptor descriptor, Path projectDir) throws IOException {
        List<Path> changed = new ArrayList<>();
        for (GeneratedFile file : files(descriptor)) {
            if (file.ownership() == GeneratedFile.Ownership.USER) {
                continue;
            }
            Path path = projectDir.resolve(file.path());
            Optional<String> current = Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
            if (file.ownership() == GeneratedFile.Ownership.STARTER
                    && (current.isEmpty() || !StarterFile.untouched(current.get()))) {
                continue;
            }
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
