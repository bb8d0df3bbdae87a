package dev.falcojava.cli.installation;

import dev.falcojava.cli.CliVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts a distribution's {@code repo/} into the local Maven repository, as {@code mvn install} of a checkout would, so
 * that generated projects resolve the SDK, the test harness and falco-plugin-maven-plugin with no repository of
 * their own. A file is written when it is missing or its bytes differ; an artifact's version list
 * ({@code maven-metadata-local.xml} beside its version folders) only when missing, as it may list other versions.
 */
public final class RepositoryInstall {

    private static final String ARTIFACT_METADATA = "maven-metadata-local.xml";

    private RepositoryInstall() {
    }

    /** On the first run of a distribution's CLI (and after it changed), installs its repo/; says so on {@code err}. */
    public static void forRunningCli(Map<String, String> environment, PrintStream err) {
        if (!(Installation.current() instanceof Installation.Distribution distribution)) {
            return;
        }
        Path target = null;
        try {
            target = LocalRepository.find(environment, Path.of(System.getProperty("user.home"))).path();
            List<Path> written = install(distribution.repository(), target);
            if (!written.isEmpty()) {
                err.println("falco-plugin: installed the SDK, the test harness and falco-plugin-maven-plugin "
                        + CliVersion.version() + " from " + distribution.repository() + " into the local Maven repository "
                        + target + " (" + written.size() + " files)");
            }
        } catch (InstallException e) {
            err.println("falco-plugin: could not install the SDK " + CliVersion.version() + " from "
                    + distribution.repository() + " into the local Maven repository"
                    + (target == null ? "" : " " + target) + ": " + e.getMessage()
                    + "; generated projects cannot build until it is there (point -Dmaven.repo.local in MAVEN_OPTS at a"
                    + " writable folder, or copy that repo/ folder there)");
        }
    }

    /**
     * Copies the files of repository {@code from} into repository {@code into}.
     *
     * @return the files written, relative to {@code into}
     */
    public static List<Path> install(Path from, Path into) throws InstallException {
        if (!Files.isDirectory(from)) {
            throw new InstallException(from + " is missing; unpack the distribution again");
        }
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = from.relativize(file);
                Path destination = into.resolve(relative.toString());
                if (needed(file, destination)) {
                    copy(file, destination);
                    written.add(relative);
                }
            }
        } catch (IOException e) {
            throw new InstallException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return written;
    }

    private static boolean needed(Path file, Path destination) throws IOException {
        if (!Files.isRegularFile(destination)) {
            return true;
        }
        return !isArtifactVersionList(file) && Files.mismatch(file, destination) != -1;
    }

    /** {@code group/artifact/maven-metadata-local.xml}, not the one inside a version folder, which holds a pom. */
    private static boolean isArtifactVersionList(Path file) throws IOException {
        if (!file.getFileName().toString().equals(ARTIFACT_METADATA)) {
            return false;
        }
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            return siblings.noneMatch(sibling -> sibling.getFileName().toString().endsWith(".pom"));
        }
    }

    /** Through a temporary file beside it and a rename, so that a concurrent build never reads half a jar. */
    private static void copy(Path file, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Path partial = Files.createTempFile(destination.getParent(), "." + destination.getFileName(), ".part");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
