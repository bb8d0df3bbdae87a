package dev.falcojava.cli.installation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalRepositoryTest {

    @TempDir
    Path home;

    @Test
    void byDefaultItIsTheUserHomesM2Repository() throws InstallException {
        assertEquals(home.resolve(".m2/repository"), LocalRepository.find(Map.of(), home).path());
    }

    @Test
    void mavenRepoLocalInMavenOptsWins() throws Exception {
        settings("<settings><localRepository>/elsewhere</localRepository></settings>");

        LocalRepository repository = LocalRepository.find(Map.of("MAVEN_OPTS", "-Xmx1g  -Dmaven.repo.local=/srv/m2 -ea"), home);

        assertEquals(Path.of("/srv/m2"), repository.path());
    }

    @Test
    void mavenArgsCountsWhenMavenOptsDoesNotSetIt() throws InstallException {
        assertEquals(Path.of("/srv/args"), LocalRepository.find(Map.of("MAVEN_OPTS", "-Xmx1g",
                "MAVEN_ARGS", "-Dmaven.repo.local=/srv/args"), home).path());
    }

    @Test
    void userHomeInMavenOptsMovesTheDefault() throws InstallException {
        assertEquals(Path.of("/other/home/.m2/repository"),
                LocalRepository.find(Map.of("MAVEN_OPTS", "-Duser.home=/other/home"), home).path());
    }

    @Test
    void theSettingsLocalRepositoryIsUsedWithUserHomeExpanded() throws Exception {
        settings("""
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>${user.home}/maven-cache</localRepository>
                </settings>
                """);

        assertEquals(home.resolve("maven-cache"), LocalRepository.find(Map.of(), home).path());
    }

    @Test
    void settingsWithoutLocalRepositoryKeepTheDefault() throws Exception {
        settings("<settings><mirrors/></settings>");

        assertEquals(home.resolve(".m2/repository"), LocalRepository.find(Map.of(), home).path());
    }

    @Test
    void unreadableSettingsAreReportedWithTheirPath() throws Exception {
        Path settings = settings("<settings><localRepository>");

        InstallException e = assertThrows(InstallException.class, () -> LocalRepository.find(Map.of(), home));

        assertTrue(e.getMessage().startsWith("cannot read " + settings + " for its localRepository: "), e.getMessage());
    }

    private Path settings(String xml) throws IOException {
        Path file = home.resolve(".m2/settings.xml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, xml);
    }
}
