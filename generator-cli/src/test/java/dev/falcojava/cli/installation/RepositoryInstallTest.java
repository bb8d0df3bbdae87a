package dev.falcojava.cli.installation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepositoryInstallTest {

    private static final String VERSION_DIR = "dev/falcojava/falco-plugin-sdk/1.0";

    @TempDir
    Path dir;

    @Test
    void everyFileGoesIntoAnEmptyRepository() throws Exception {
        Path from = distributionRepository();
        Path into = dir.resolve("m2");

        List<Path> written = RepositoryInstall.install(from, into);

        assertEquals(List.of(Path.of("dev/falcojava/falco-plugin-sdk/1.0/falco-plugin-sdk-1.0.jar"),
                Path.of("dev/falcojava/falco-plugin-sdk/1.0/falco-plugin-sdk-1.0.pom"),
                Path.of("dev/falcojava/falco-plugin-sdk/1.0/maven-metadata-local.xml"),
                Path.of("dev/falcojava/falco-plugin-sdk/maven-metadata-local.xml")), written);
        assertEquals("jar", Files.readString(into.resolve(VERSION_DIR + "/falco-plugin-sdk-1.0.jar")));
    }

    @Test
    void aSecondRunWritesNothing() throws Exception {
        Path from = distributionRepository();
        Path into = dir.resolve("m2");
        RepositoryInstall.install(from, into);

        assertEquals(List.of(), RepositoryInstall.install(from, into));
    }

    @Test
    void aChangedArtifactIsReplacedButAnArtifactsVersionListIsKept() throws Exception {
        Path from = distributionRepository();
        Path into = dir.resolve("m2");
        RepositoryInstall.install(from, into);
        Files.writeString(into.resolve(VERSION_DIR + "/falco-plugin-sdk-1.0.jar"), "other build");
        Files.writeString(into.resolve("dev/falcojava/falco-plugin-sdk/maven-metadata-local.xml"), "versions 0.9 and 1.0");

        List<Path> written = RepositoryInstall.install(from, into);

        assertEquals(List.of(Path.of(VERSION_DIR + "/falco-plugin-sdk-1.0.jar")), written);
        assertEquals("jar", Files.readString(into.resolve(VERSION_DIR + "/falco-plugin-sdk-1.0.jar")));
        assertEquals("versions 0.9 and 1.0",
                Files.readString(into.resolve("dev/falcojava/falco-plugin-sdk/maven-metadata-local.xml")));
    }

    @Test
    void aMissingRepoFolderSaysToUnpackAgain() {
        Path missing = dir.resolve("falco-plugin-1.0/repo");

        InstallException e = assertThrows(InstallException.class, () -> RepositoryInstall.install(missing, dir.resolve("m2")));

        assertEquals(missing + " is missing; unpack the distribution again", e.getMessage());
    }

    @Test
    void aRepositoryThatCannotBeCreatedIsReported() throws Exception {
        Path from = distributionRepository();
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a folder");

        InstallException e = assertThrows(InstallException.class, () -> RepositoryInstall.install(from, blocked.resolve("m2")));

        assertEquals("FileSystemException: " + blocked.resolve("m2") + ": Not a directory", e.getMessage());
    }

    private Path distributionRepository() throws IOException {
        Path repo = dir.resolve("falco-plugin-1.0/repo");
        Path version = Files.createDirectories(repo.resolve(VERSION_DIR));
        Files.writeString(version.resolve("falco-plugin-sdk-1.0.jar"), "jar");
        Files.writeString(version.resolve("falco-plugin-sdk-1.0.pom"), "pom");
        Files.writeString(version.resolve("maven-metadata-local.xml"), "snapshot files");
        Files.writeString(repo.resolve("dev/falcojava/falco-plugin-sdk/maven-metadata-local.xml"), "versions 1.0");
        return repo;
    }
}
