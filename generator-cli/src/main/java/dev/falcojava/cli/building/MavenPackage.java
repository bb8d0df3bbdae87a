package dev.falcojava.cli.building;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs {@code mvn package} in a generated project and returns its self-contained plugin jar. */
public final class MavenPackage {

    /** The jar the generated pom's shade step writes. */
    public static final Path PLUGIN_JAR = Path.of("target/falco-plugin-all.jar");

    private MavenPackage() {
    }

    /**
     * @param linkage the {@code falco.linkage} property for the pom's link step: declared, shared or static
     */
    public static Path run(Path project, Jdk jdk, String linkage) throws BuildException {
        return run(project, jdk, linkage, "declared");
    }

    /**
     * @param linkage the {@code falco.linkage} property for the pom's link step: declared, shared or static
     * @param runtime the {@code falco.runtime} property for the pom's link step: declared or bundled
     */
    public static Path run(Path project, Jdk jdk, String linkage, String runtime) throws BuildException {
        String maven = BuildTool.MAVEN.command();
        ProcessRunner.Outcome outcome = ProcessRunner.run(List.of(maven, "-B", "-q", "-Dfalco.linkage=" + linkage,
                        "-Dfalco.runtime=" + runtime, "package"), project, Map.of("JAVA_HOME", jdk.home().toString()));
        if (outcome.exitCode() != 0) {
            throw new BuildException("mvn package failed (exit " + outcome.exitCode() + ") in " + project + ":\n" + outcome.output());
        }
        Path jar = project.resolve(PLUGIN_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new BuildException("mvn package did not produce " + jar + "; is the shade plugin still in pom.xml?");
        }
        return jar;
    }
}
