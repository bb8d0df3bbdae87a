package dev.falcojava.cli.packaging;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.building.AotCache;
import dev.falcojava.cli.building.RuntimeImage;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.generation.ProjectModelFactory;
import dev.falcojava.cli.generation.TemplateRenderer;
import dev.falcojava.cli.generation.escape.YamlString;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code target/dist} of a built project: the plugin and rules artifacts laid out as the falcosecurity/plugins
 * registry's (falcoctl unpacks them into its plugins and rules folders), the registry entry, a Dockerfile layering
 * them onto the Falco image with a config.d file, and values for the falcosecurity Helm chart.
 */
public final class Distribution {

    /** Where the files go, inside the project. */
    public static final Path DIST = Path.of("target/dist");
    /** Where falcoctl (and the Falco packages) install plugins and rules files. */
    public static final String PLUGINS_DIR = "/usr/share/falco/plugins/";
    public static final String RULES_DIR = "/etc/falco/";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern OCI_REPOSITORY = Pattern.compile(
            "[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*");
    private static final Set<String> DERIVED_FALCO_FILES = Set.of(ProjectContributors.FALCO_CONFIG.getFileName().toString(),
            ProjectContributors.REGISTRY_ENTRY.getFileName().toString());

    /**
     * @param falcoVersion  the falcosecurity/falco image tag for the Dockerfile
     * @param ociRepository where the artifacts are pushed, for example {@code ghcr.io/example/falco}
     */
    public record Options(String falcoVersion, String ociRepository) {
    }

    /** A file written into {@code target/dist}, with its size. */
    public record Written(Path file, long bytes) {
    }

    private Distribution() {
    }

    /** Writes {@code target/dist} anew and returns what it holds. */
    public static List<Written> write(Path project, PluginDescriptor descriptor, Options options, ArtifactCheck check)
            throws PackageException, IOException {
        if (!IMAGE_TAG.matcher(options.falcoVersion()).matches()) {
            throw new PackageException("--falco-version '" + options.falcoVersion() + "' is not an image tag, for example 0.41.3");
        }
        if (!OCI_REPOSITORY.matcher(options.ociRepository()).matches()) {
            throw new PackageException("--oci-repository '" + options.ociRepository()
                    + "' is not an OCI repository, for example ghcr.io/example/falco-plugins");
        }
        Path library = project.resolve("target").resolve("lib" + descriptor.name() + ".so");
        if (!Files.isRegularFile(library)) {
            throw new PackageException("no " + library + ": falcoctl installs shared libraries; run falco-plugin build --shared first");
        }
        Path runtime = RuntimeImage.folder(project, descriptor);
        boolean bundled = Files.isDirectory(runtime);
        Path aotCache = AotCache.file(project, descriptor);
        boolean cached = Files.isRegularFile(aotCache);
        Path registryEntry = project.resolve(ProjectContributors.REGISTRY_ENTRY);
        if (!Files.isRegularFile(registryEntry)) {
            throw new PackageException("no " + registryEntry + ": run falco-plugin generate first");
        }
        List<Path> rulesFiles = rulesFiles(project);
        List<String> problems = check.problems(project, project.resolve(ProjectContributors.DESCRIPTOR), rulesFiles);
        if (!problems.isEmpty()) {
            throw new PackageException("the rules are not packaged, they have problems:\n  " + String.join("\n  ", problems));
        }

        Path dist = project.resolve(DIST);
        deleteTree(dist);
        Files.createDirectories(dist.resolve("config.d"));
        String platform = "linux-" + machine();
        String pluginArtifact = descriptor.name() + "-" + descriptor.version() + "-" + platform + ".tar.gz";
        String rulesArtifact = descriptor.name() + "-rules-" + descriptor.version() + ".tar.gz";
        try (TarGzWriter tar = new TarGzWriter(dist.resolve(pluginArtifact))) {
            tar.file(library.getFileName().toString(), library, 0755);
            if (cached) {
                tar.file(aotCache.getFileName().toString(), aotCache, 0644);
            }
            if (bundled) {
                addTree(tar, runtime, runtime.getFileName().toString());
            }
        }
        try (TarGzWriter tar = new TarGzWriter(dist.resolve(rulesArtifact))) {
            for (Path rules : rulesFiles) {
                tar.file(rules.getFileName().toString(), rules, 0644);
            }
        }
        Files.copy(registryEntry, dist.resolve("registry.yaml"), StandardCopyOption.REPLACE_EXISTING);

        ProjectModel plugin = new ProjectModelFactory(CliVersion.projectVersions()).create(descriptor);
        List<ProjectModel.Item> rulesItems = new ArrayList<>();
        for (int i = 0; i < rulesFiles.size(); i++) {
            rulesItems.add(new ProjectModel.Item(rulesFiles.get(i).getFileName().toString(), i == rulesFiles.size() - 1));
        }
        String repository = options.ociRepository();
        DistributionModel model = new DistributionModel(plugin, descriptor.version(), pluginArtifact, rulesArtifact,
                bundled ? runtime.getFileName().toString() : "", cached ? aotCache.getFileName().toString() : "", rulesItems, options.falcoVersion(),
                YamlString.quote(repository + "/" + descriptor.name() + ":" + descriptor.version()),
                YamlString.quote(repository + "/" + descriptor.name() + "-rules:" + descriptor.version()),
                "linux/" + (machine().equals("x86_64") ? "amd64" : machine().equals("aarch64") ? "arm64" : machine()));
        TemplateRenderer renderer = new TemplateRenderer();
        Files.writeString(dist.resolve("Dockerfile"), renderer.render("deploy/Dockerfile.mustache", model));
        Files.writeString(dist.resolve("config.d").resolve(descriptor.name() + ".yaml"),
                renderer.render("deploy/config.d.yaml.mustache", model));
        Files.writeString(dist.resolve("helm-values.yaml"), renderer.render("deploy/helm-values.yaml.mustache", model));

        List<Written> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                written.add(new Written(file, Files.size(file)));
            }
        }
        return written;
    }

    /** The project's rules files: falco/*.yaml but the derived Falco configuration and registry entry, by name. */
    static List<Path> rulesFiles(Path project) throws IOException, PackageException {
        Path falco = project.resolve(ProjectContributors.FALCO_CONFIG).getParent();
        List<Path> rules = new ArrayList<>();
        if (Files.isDirectory(falco)) {
            try (Stream<Path> files = Files.list(falco)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!Files.isRegularFile(file) || !(name.endsWith(".yaml") || name.endsWith(".yml"))
                            || DERIVED_FALCO_FILES.contains(name)) {
                        continue;
                    }
                    if (!PLAIN_NAME.matcher(name).matches()) {
                        throw new PackageException("the rules file " + file + " needs a plain name (letters, digits, '.', '_', '-')");
                    }
                    rules.add(file);
                }
            }
        }
        if (rules.isEmpty()) {
            throw new PackageException("no rules file in " + falco + " (falco/<name>_rules.yaml is made by falco-plugin new)");
        }
        return rules;
    }

    /** The machine name the falcosecurity/plugins artifacts use ({@code uname -m}): x86_64 or aarch64. */
    static String machine() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch.toLowerCase(Locale.ROOT);
        };
    }

    private static void addTree(TarGzWriter tar, Path root, String name) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.comparing(p -> root.relativize(p).toString())).toList();
        }
        for (Path path : paths) {
            String relative = root.relativize(path).toString();
            String entry = relative.isEmpty() ? name : name + "/" + relative;
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                tar.directory(entry, Files.getLastModifiedTime(path).toMillis() / 1000);
            } else {
                tar.file(entry, path, Files.isExecutable(path) ? 0755 : mode(path));
            }
        }
    }

    private static int mode(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.OWNER_WRITE) ? 0644 : 0444;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
