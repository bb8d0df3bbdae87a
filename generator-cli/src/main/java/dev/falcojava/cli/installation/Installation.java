package dev.falcojava.cli.installation;

import dev.falcojava.cli.FalcoPluginCli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where the running CLI comes from: an unpacked distribution, a build of a checkout, or a jar elsewhere. */
public sealed interface Installation {

    /** An unpacked {@code falco-plugin-VERSION.tar.gz} or {@code .zip}: {@code bin/}, {@code lib/}, {@code repo/}. */
    record Distribution(Path home) implements Installation {

        /** The SDK, the test harness and falco-plugin-maven-plugin in a Maven repository's layout. */
        public Path repository() {
            return home.resolve("repo");
        }

        @Override
        public String describe() {
            return "installation: " + home + " (distribution)";
        }
    }

    /** The CLI built from a checkout of the sources by its {@code bin/falco-plugin}. */
    record CheckoutBuild(Path root) implements Installation {

        @Override
        public String describe() {
            return "installation: " + root + " (checkout build: bin/falco-plugin builds it from these sources)";
        }
    }

    /** A CLI jar in no known layout, as in Maven's repository when falco-plugin-maven-plugin runs it. */
    record Jar(Path location) implements Installation {

        @Override
        public String describe() {
            return "installation: " + location + " (a jar outside a distribution or checkout)";
        }
    }

    /** One line naming the installation and its kind. */
    String describe();

    /** The installation of the running CLI. */
    static Installation current() {
        CodeSource source = FalcoPluginCli.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return new Jar(Path.of("unknown"));
        }
        try {
            return of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Jar(Path.of(source.getLocation().toString()));
        }
    }

    /** The installation whose CLI classes are at {@code code}, a jar or a classes directory. */
    static Installation of(Path code) {
        Path location = code.toAbsolutePath().normalize();
        Path dir = location.getParent();
        Path home = dir == null ? null : dir.getParent();
        if (home != null && dir.getFileName().toString().equals("lib") && Files.isDirectory(home.resolve("repo"))
                && Files.isRegularFile(home.resolve("bin/falco-plugin"))) {
            return new Distribution(home);
        }
        Path root = home == null ? null : home.getParent();
        if (root != null && dir.getFileName().toString().equals("target")
                && home.equals(root.resolve("generator-cli")) && Files.isRegularFile(root.resolve("bin/falco-plugin"))) {
            return new CheckoutBuild(root);
        }
        return new Jar(location);
    }
}
