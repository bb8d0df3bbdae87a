package dev.falcojava.it.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code falco-plugin package} on a built project, and the checks of what it wrote against each other: the tarballs
 * as {@code tar} lists them, the registry entry, the Dockerfile, its config.d file and the Helm values.
 */
final class DistArtifacts {

    private static final Pattern ADD = Pattern.compile("(?m)^ADD (\\S+) (\\S+)$");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$");

    private DistArtifacts() {
    }

    /** Packages {@code project} of plugin {@code name} and checks the artifacts; returns target/dist. */
    static Path packageAndCheck(Path project, String name, String version, boolean bundled) throws Exception {
        FalcoPluginCli.Result packaged = FalcoPluginCli.run(Map.of(), "package", "--dir", project.toString(),
                "--falco-version", "0.41.3");
        assertEquals(0, packaged.exitCode(), packaged.output());
        Path dist = project.resolve("target/dist");
        String pluginTarball = name + "-" + version + "-linux-" + machine() + ".tar.gz";
        String rulesTarball = name + "-rules-" + version + ".tar.gz";
        assertThat(packaged.output()).contains("wrote " + dist.resolve(pluginTarball));

        List<String> plugin = list(dist.resolve(pluginTarball));
        for (String tarball : List.of(pluginTarball, rulesTarball)) {
            List<String> links = list(dist.resolve(tarball), "-tvzf").stream()
                    .filter(line -> !line.startsWith("-") && !line.startsWith("d")).toList();
            assertEquals(List.of(), links, "falcoctl refuses link entries: " + tarball);
        }
        assertThat(plugin).as(plugin::toString).contains("lib" + name + ".so");
        String aotCache = "lib" + name + ".aot";
        assertTrue(Files.isRegularFile(project.resolve("target").resolve(aotCache)), "a shared build trains " + aotCache);
        assertThat(plugin).as(plugin::toString).contains(aotCache);
        String runtime = "lib" + name + ".jre/";
        assertEquals(bundled, plugin.contains(runtime + "lib/server/libjvm.so"), plugin.toString());
        if (bundled) {
            assertTrue(plugin.indexOf(runtime) < plugin.indexOf(runtime + "lib/server/libjvm.so"),
                    "directories come before their files, as falcoctl creates them: " + plugin);
        } else {
            assertEquals(List.of("lib" + name + ".so", aotCache), plugin);
        }
        List<String> rules = list(dist.resolve(rulesTarball));
        assertThat(rules).as(rules::toString).contains(name + "_rules.yaml");
        assertThat(rules).as("the rules artifact is flat").noneMatch(entry -> entry.contains("/"));
        Path unpackedRules = dist.resolveSibling("dist-rules-unpacked");
        unpack(dist.resolve(rulesTarball), unpackedRules);
        List<String> checkRules = new ArrayList<>(List.of("check-rules", "--dir", project.toString()));
        rules.forEach(entry -> checkRules.add(unpackedRules.resolve(entry).toString()));
        FalcoPluginCli.Result checked = FalcoPluginCli.run(Map.of(), checkRules.toArray(String[]::new));
        assertEquals(0, checked.exitCode(), "the rules artifact's files pass check-rules: " + checked.output());

        String registry = Files.readString(dist.resolve("registry.yaml"));
        assertThat(registry).contains("- name: \"" + name + "\"\n");
        assertThat(pluginTarball).as(() -> "falcosecurity/plugins names artifacts after the registry entry")
                .startsWith(name + "-");
        assertThat(rulesTarball).as(() -> "falcosecurity/plugins names artifacts after the registry entry")
                .startsWith(name + "-rules-");

        String dockerfile = Files.readString(dist.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG FALCO_VERSION=0.41.3\nFROM falcosecurity/falco:${FALCO_VERSION}\n");
        Set<String> image = new HashSet<>();
        Map<String, List<String>> tarballs = Map.of(pluginTarball, plugin, rulesTarball, rules);
        Matcher add = ADD.matcher(dockerfile);
        int adds = 0;
        while (add.find()) {
            adds++;
            List<String> entries = tarballs.get(add.group(1));
            assertTrue(entries != null, "the Dockerfile adds " + add.group(1) + ", which is not in " + dist);
            assertThat(add.group(2)).as(add::group).endsWith("/");
            entries.forEach(entry -> image.add(add.group(2) + entry));
        }
        assertEquals(2, adds, dockerfile);
        Matcher copy = COPY.matcher(dockerfile);
        assertTrue(copy.find(), dockerfile);
        Path configD = dist.resolve(copy.group(1));
        assertTrue(Files.isRegularFile(configD), copy.group());
        assertThat(copy.group(2)).as(copy::group).startsWith("/etc/falco/config.d/");

        String config = Files.readString(configD);
        String library = "/usr/share/falco/plugins/lib" + name + ".so";
        assertThat(config).contains("    library_path: " + library + "\n");
        assertThat(image).as(() -> library + " is not in the image: " + image).contains(library);
        assertThat(image).as(image::toString).contains("/usr/share/falco/plugins/" + aotCache);
        if (bundled) {
            assertThat(image).as(image::toString)
                    .contains("/usr/share/falco/plugins/" + runtime + "lib/server/libjvm.so");
        }
        List<String> loadedRules = new ArrayList<>();
        config.lines().filter(line -> line.startsWith("  - /etc/falco/")).forEach(line -> loadedRules.add(line.substring(4)));
        assertFalse(loadedRules.isEmpty(), config);
        for (String file : loadedRules) {
            assertThat(image).as(() -> file + " of config.d is not in the image: " + image).contains(file);
        }

        String values = Files.readString(dist.resolve("helm-values.yaml"));
        assertThat(values).contains("      library_path: " + library + "\n");
        for (String file : loadedRules) {
            assertThat(values).contains("    - " + file + "\n");
        }
        assertThat(values)
                .contains("refs: [falco-rules:5, \"localhost:5000/falco-plugins/" + name + ":" + version
                + "\", \"localhost:5000/falco-plugins/" + name + "-rules:" + version + "\"]");
        return dist;
    }

    /** The entries of a .tar.gz, as GNU tar lists them. */
    static List<String> list(Path tarball) throws IOException, InterruptedException {
        return list(tarball, "-tzf");
    }

    private static List<String> list(Path tarball, String option) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", option, tarball.toString()).redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), out);
        return out.lines().toList();
    }

    /** Unpacks a .tar.gz into {@code dir} with GNU tar, as falcoctl unpacks an artifact into its folder. */
    static void unpack(Path tarball, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", dir.toString()).redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), out);
    }

    static String machine() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
    }
}
