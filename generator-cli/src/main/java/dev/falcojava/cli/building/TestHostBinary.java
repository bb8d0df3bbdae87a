package dev.falcojava.cli.building;

import dev.falcojava.cli.CliVersion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The native test host compiled from the sources in the CLI jar, once per CLI version and sources, into
 * {@code $XDG_CACHE_HOME/falco-plugin/host/<version>-<digest>/} (or {@code ~/.cache/...}). Each build goes into a
 * directory of its own and is renamed into place, so that two processes building at once both end with a whole binary.
 */
public final class TestHostBinary {

    private static final String NAME = "falco-test-host";
    /** The package of json-c's header and library, which the host parses the plugin's JSON with. */
    static final String JSON_C_PACKAGE = "libjson-c-dev";

    private TestHostBinary() {
    }

    /** The cache directory of this CLI's host. */
    public static Path directory(Map<String, String> environment) {
        String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        Path cache = !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("falco-plugin/host").resolve(CliVersion.version() + "-" + TestHostSources.digest());
    }

    /**
     * The host binary, compiled with gcc ({@code CC}) when it is not in the cache yet; progress goes to {@code log}.
     *
     * @throws BuildException when gcc is missing (with how to install it) or fails
     */
    public static Path ensure(Map<String, String> environment, PrintWriter log) throws BuildException {
        Path directory = directory(environment);
        Path binary = directory.resolve(NAME);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try {
            BuildTool.GCC.version(Map.of());
        } catch (BuildException e) {
            throw new BuildException("the native test host is compiled on first use, but " + e.getMessage());
        }
        log.println("falco-plugin host: compiling the native test host into " + directory);
        log.flush();
        Path work = null;
        try {
            Files.createDirectories(directory);
            work = Files.createTempDirectory(directory, ".build-");
            TestHostSources.writeTo(work);
            List<String> command = new ArrayList<>(List.of(BuildTool.GCC.command(), "-O2", "-o", NAME));
            TestHostSources.FILES.stream().filter(file -> file.endsWith(".c")).forEach(command::add);
            command.addAll(List.of("-ldl", "-lpthread", "-ljson-c"));
            ProcessRunner.Outcome outcome = ProcessRunner.run(command, work, Map.of());
            if (outcome.exitCode() != 0 && lacksJsonC(outcome.output())) {
                throw new BuildException("the native test host is compiled on first use and needs json-c, which is missing:"
                        + " install Debian's (or Ubuntu's) package " + JSON_C_PACKAGE + " (sudo apt-get install "
                        + JSON_C_PACKAGE + "), or your distribution's json-c development package\n" + outcome.output());
            }
            if (outcome.exitCode() != 0) {
                throw new BuildException("gcc could not compile the native test host (exit " + outcome.exitCode() + "): "
                        + String.join(" ", command) + "\n" + outcome.output());
            }
            Files.move(work.resolve(NAME), binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return binary;
        } catch (IOException e) {
            throw new BuildException("cannot write the native test host into " + directory + ": " + e.getMessage());
        } finally {
            deleteQuietly(work);
        }
    }

    /** Whether gcc failed for want of json-c's header or library. */
    static boolean lacksJsonC(String gccOutput) {
        return gccOutput.contains("json-c/json.h") || gccOutput.contains("-ljson-c");
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover build directory only takes space; the binary is already in place or the error reported
        }
    }
}
