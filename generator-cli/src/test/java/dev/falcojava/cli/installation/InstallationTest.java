package dev.falcojava.cli.installation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstallationTest {

    @TempDir
    Path dir;

    @Test
    void aJarInLibBesideRepoAndTheLauncherIsADistribution() throws IOException {
        Path home = dir.resolve("falco-plugin-1.2.3");
        Files.createDirectories(home.resolve("repo"));
        Path jar = file(home.resolve("lib/falco-plugin-cli-1.2.3.jar"));
        file(home.resolve("bin/falco-plugin"));

        Installation installation = Installation.of(jar);

        assertEquals(new Installation.Distribution(home), installation);
        assertEquals(home.resolve("repo"), ((Installation.Distribution) installation).repository());
        assertEquals("installation: " + home + " (distribution)", installation.describe());
    }

    @Test
    void withoutRepoItIsJustAJar() throws IOException {
        Path home = dir.resolve("falco-plugin-1.2.3");
        Path jar = file(home.resolve("lib/falco-plugin-cli-1.2.3.jar"));
        file(home.resolve("bin/falco-plugin"));

        assertEquals(new Installation.Jar(jar), Installation.of(jar));
    }

    @Test
    void theShadedJarOrClassesOfTheCliModuleAreACheckoutBuild() throws IOException {
        file(dir.resolve("bin/falco-plugin"));
        Path jar = file(dir.resolve("generator-cli/target/falco-plugin.jar"));

        assertEquals(new Installation.CheckoutBuild(dir), Installation.of(jar));
        assertEquals(new Installation.CheckoutBuild(dir), Installation.of(dir.resolve("generator-cli/target/classes")));
        assertEquals("installation: " + dir + " (checkout build: bin/falco-plugin builds it from these sources)",
                Installation.of(jar).describe());
    }

    @Test
    void aJarInMavensRepositoryIsNamedByItsPath() throws IOException {
        Path jar = file(dir.resolve("repository/dev/falcojava/falco-plugin-cli/1.2.3/falco-plugin-cli-1.2.3.jar"));

        assertEquals("installation: " + jar + " (a jar outside a distribution or checkout)", Installation.of(jar).describe());
    }

    @Test
    void theTestsOfThisModuleRunFromACheckoutBuild() {
        Installation current = Installation.current();

        assertEquals(Installation.CheckoutBuild.class, current.getClass(), current.describe());
    }

    private static Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "x");
    }
}
