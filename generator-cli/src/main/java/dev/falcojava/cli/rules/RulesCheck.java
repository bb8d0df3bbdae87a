package dev.falcojava.cli.rules;

import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.rules.fields.FalcoFacts;
import dev.falcojava.cli.rules.fields.FieldCatalog;
import dev.falcojava.cli.rules.yaml.RulesReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Checks rules files against a plugin: what {@code check-rules}, {@code validate}, {@code build} and {@code link} run. */
public final class RulesCheck {

    private RulesCheck() {
    }

    /**
     * The project's rules files: every {@code falco/*.yaml} (and {@code .yml}) but the Falco configuration and the
     * registry entry that falco-plugin generates there, sorted by name.
     */
    public static List<Path> projectRulesFiles(Path projectDir) throws IOException {
        Path falco = projectDir.resolve("falco");
        if (!Files.isDirectory(falco)) {
            return List.of();
        }
        List<Path> generated = List.of(projectDir.resolve(ProjectContributors.FALCO_CONFIG).normalize(),
                projectDir.resolve(ProjectContributors.REGISTRY_ENTRY).normalize());
        try (Stream<Path> files = Files.list(falco)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .filter(f -> !generated.contains(f.normalize()))
                    .sorted().toList();
        }
    }

    /** Reads and checks {@code files}, loaded in this order as Falco loads its rules_files. */
    public static RulesReport check(PluginDescriptor plugin, List<Path> files) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<RulesItem> items = new ArrayList<>();
        for (Path file : files) {
            RulesReader.Result read = RulesReader.read(display(file), Files.readString(file));
            findings.addAll(read.findings());
            items.addAll(read.items());
        }
        findings.addAll(new RulesChecker(new FieldCatalog(plugin, FalcoFacts.shipped())).check(items));
        return new RulesReport(files.stream().map(f -> Path.of(display(f))).toList(), findings);
    }

    /** The file relative to the working directory when it is under it, as a user would name it. */
    private static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString()
                : absolute.toString();
    }
}
