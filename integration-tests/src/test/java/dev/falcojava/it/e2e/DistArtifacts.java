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
        assertTrue(packaged.output().contains("wrote " + dist.resolve(pluginTarball)), packaged.output());

        List<String> plugin = list(dist.resolve(pluginTarball));
        for (String tarball : List.of(pluginTarball, rulesTarball)) {
            List<String> links = list(dist.resolve(tarball), "-tvzf").stream()
                    .filter(line -> !line.startsWith("-") && !line.startsWith("d")).toList();
            assertEquals(List.of(), links, "falcoctl refuses link entries: " + tarball);
        }
        assertTrue(plugin.contains("lib" + name + ".so"), plugin.toString());
        String runtime = "lib" + name + ".jre/";
        assertEquals(bundled, plugin.contains(runtime + "lib/server/libjvm.so"), plugin.toString());
        if (bundled) {
            assertTrue(plugin.indexOf(runtime) < plugin.indexOf(runtime + "lib/server/libjvm.so"),
                    "directories come before their files, as falcoctl creates them: " + plugin);
        } else {
            assertEquals(List.of("lib" + name + ".so"), plugin);
        }
        List<String> rules = list(dist.resolve(rulesTarball));
        assertTrue(rules.contains(name + "_rules.yaml"), rules.toString());
        assertTrue(rules.stream().noneMatch(entry -> entry.contains("/")), "the rules artifact is flat: " + rules);
        Path unpackedRules = dist.resolveSibling("dist-rules-unpacked");
        unpack(dist.resolve(rulesTarball), unpackedRules);
        List<String> checkRules = new ArrayList<>(List.of("check-rules", "--dir", project.toString()));
        rules.forEach(entry -> checkRules.add(unpackedRules.resolve(entry).toString()));
        FalcoPluginCli.Result checked = FalcoPluginCli.run(Map.of(), checkRules.toArray(String[]::new));
        assertEquals(0, checked.exitCode(), "the rules artifact's files pass check-rules: " + checked.output());

        String registry = Files.readString(dist.resolve("registry.yaml"));
        assertTrue(registry.contains("- name: \"" + name + "\"\n"), registry);
        assertTrue(pluginTarball.startsWith(name + "-") && rulesTarball.startsWith(name + "-rules-"),
                "falcosecurity/plugins names artifacts after the registry entry");

        String dockerfile = Files.readString(dist.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("ARG FALCO_VERSION=0.41.3\nFROM falcosecurity/falco:${FALCO_VERSION}\n"), dockerfile);
        Set<String> image = new HashSet<>();
        Map<String, List<String>> tarballs = Map.of(pluginTarball, plugin, rulesTarball, rules);
        Matcher add = ADD.matcher(dockerfile);
        int adds = 0;
        while (add.find()) {
            adds++;
            List<String> entries = tarballs.get(add.group(1));
            assertTrue(entries != null, "the Dockerfile adds " + add.group(1) + ", which is not in " + dist);
            assertTrue(add.group(2).endsWith("/"), add.group());
            entries.forEach(entry -> image.add(add.group(2) + entry));
        }
        assertEquals(2, adds, dockerfile);
        Matcher copy = COPY.matcher(dockerfile);
        assertTrue(copy.find(), dockerfile);
        Path configD = dist.resolve(copy.group(1));
        assertTrue(Files.isRegularFile(configD), copy.group());
        assertTrue(copy.group(2).startsWith("/etc/falco/config.d/"), copy.group());

        String config = Files.readString(configD);
        String library = "/usr/share/falco/plugins/lib" + name + ".so";
        assertTrue(config.contains("    library_path: " + library + "\n"), config);
        assertTrue(image.contains(library), library + " is not in the image: " + image);
        if (bundled) {
            assertTrue(image.contains("/usr/share/falco/plugins/" + runtime + "lib/server/libjvm.so"), image.toString());
        }
        List<String> loadedRules = new ArrayList<>();
        config.lines().filter(line -> line.startsWith("  - /etc/falco/")).forEach(line -> loadedRules.add(line.substring(4)));
        assertFalse(loadedRules.isEmpty(), config);
        for (String file : loadedRules) {
            assertTrue(image.contains(file), file + " of config.d is not in the image: " + image);
        }

        String values = Files.readString(dist.resolve("helm-values.yaml"));
        assertTrue(values.contains("      library_path: " + library + "\n"), values);
        for (String file : loadedRules) {
            assertTrue(values.contains("    - " + file + "\n"), values);
        }
        assertTrue(values.contains("refs: [falco-rules:5, \"localhost:5000/falco-plugins/" + name + ":" + version
                + "\", \"localhost:5000/falco-plugins/" + name + "-rules:" + version + "\"]"), values);
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
