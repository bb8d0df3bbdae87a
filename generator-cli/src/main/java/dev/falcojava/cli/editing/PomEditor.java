package dev.falcojava.cli.editing;

import dev.falcojava.cli.generation.TemplateRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a project's pom.xml as text, so that everything else in it stays as the user wrote it: the test-scoped
 * dependency on {@code falco-plugin-sdk-testing} (the test harness, which left the SDK jar) goes right after the
 * dependency on {@code falco-plugin-sdk}, with its indentation and its version; the exec-maven-plugin block that ran
 * the falco-plugin steps through {@code MavenStep} becomes the {@code falco-plugin-maven-plugin} block, in its place.
 */
public final class PomEditor {

    static final String TESTING_ARTIFACT = "falco-plugin-sdk-testing";

    private static final Pattern SDK_DEPENDENCY = Pattern.compile(
            "(?s)\\n([ \\t]*)<dependency>\\s*<groupId>\\s*dev\\.falcojava\\s*</groupId>\\s*"
                    + "<artifactId>\\s*falco-plugin-sdk\\s*</artifactId>(.*?)</dependency>[ \\t]*(?=\\r?\\n)");
    /** The version the template writes: the property generated poms define. */
    private static final String SDK_VERSION = "${falco-plugin-sdk.version}";
    private static final Pattern VERSION = Pattern.compile("<version>([^<]*)</version>");

    private static final String MAVEN_PLUGIN = "falco-plugin-maven-plugin";
    private static final Pattern MAVEN_PLUGIN_ARTIFACT = Pattern.compile("<artifactId>\\s*" + MAVEN_PLUGIN + "\\s*</artifactId>");
    private static final Pattern EXEC_ARTIFACT = Pattern.compile("<artifactId>\\s*exec-maven-plugin\\s*</artifactId>");
    private static final Pattern MAVEN_STEP = Pattern.compile("<mainClass>\\s*dev\\.falcojava\\.cli\\.MavenStep\\s*</mainClass>");
    private static final Pattern CLI_VERSION = Pattern.compile(
            "<artifactId>\\s*falco-plugin-cli\\s*</artifactId>\\s*<version>\\s*([^<\\s]+)\\s*</version>");
    private static final Pattern EXECUTION_ID = Pattern.compile("<id>\\s*([^<]*?)\\s*</id>");
    private static final Pattern ARGUMENT = Pattern.compile("<argument>\\s*([^<]*?)\\s*</argument>");
    /** The executions and arguments of the block earlier versions generated: what can be replaced without loss. */
    private static final List<String> EXEC_EXECUTIONS = List.of("falco-plugin-generate", "falco-plugin-link");
    private static final List<String> EXEC_ARGUMENTS = List.of("generate", "--dir", "${project.basedir}",
            "link", "--linkage", "${falco.linkage}", "--dir", "${project.basedir}");
    private static final String MAVEN_PLUGIN_BY_HAND = "; replace it by hand with the " + MAVEN_PLUGIN
            + " block of a pom.xml made by falco-plugin new";

    private final TemplateRenderer renderer;

    public PomEditor(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** Whether {@code pom} already depends on the testing artifact. */
    public static boolean hasTestingDependency(String pom) {
        return pom.contains("<artifactId>" + TESTING_ARTIFACT + "</artifactId>");
    }

    /**
     * {@code pom} with the testing dependency added, or empty when it has it already.
     *
     * @throws EditException when the pom has no dependency on falco-plugin-sdk to put it next to
     */
    public Optional<String> addTestingDependency(String pom) throws EditException {
        if (hasTestingDependency(pom)) {
            return Optional.empty();
        }
        Matcher sdk = SDK_DEPENDENCY.matcher(pom);
        if (!sdk.find()) {
            throw new EditException("pom.xml has no <dependency> on dev.falcojava:falco-plugin-sdk to add "
                    + TESTING_ARTIFACT + " next to; add it by hand (see a pom.xml made by falco-plugin new)");
        }
        Matcher version = VERSION.matcher(sdk.group(2));
        if (!version.find()) {
            throw new EditException("the dependency on falco-plugin-sdk in pom.xml has no <version>; add "
                    + TESTING_ARTIFACT + " by hand with the SDK's version");
        }
        String indent = sdk.group(1);
        String entry = renderer.render("project/testing-dependency.xml.mustache", Map.of())
                .replace(SDK_VERSION, version.group(1));
        StringBuilder indented = new StringBuilder();
        for (String line : entry.strip().split("\n")) {
            indented.append('\n').append(indent).append(line.strip().startsWith("<dependency>") || line.strip().startsWith("</dependency>")
                    ? line.strip() : "  " + line.strip());
        }
        return Optional.of(pom.substring(0, sdk.end()) + indented + pom.substring(sdk.end()));
    }

    /** Whether {@code pom} runs the falco-plugin steps through exec-maven-plugin, as earlier versions generated. */
    public static boolean hasExecSteps(String pom) {
        return MAVEN_STEP.matcher(pom).find();
    }

    /**
     * {@code pom} with its exec-maven-plugin block of the falco-plugin steps replaced by the falco-plugin-maven-plugin
     * block, at the block's indentation and with the version the block gave the CLI; empty when there is no such block.
     *
     * @throws EditException when the block is not as falco-plugin generated it (other executions or arguments), or
     *                       the pom already has falco-plugin-maven-plugin too
     */
    public Optional<String> migrateExecSteps(String pom) throws EditException {
        Optional<PluginBlock> found = execStepsBlock(pom);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PluginBlock block = found.get();
        if (MAVEN_PLUGIN_ARTIFACT.matcher(pom).find()) {
            throw new EditException("pom.xml has both " + MAVEN_PLUGIN + " and the exec-maven-plugin block that runs"
                    + " dev.falcojava.cli.MavenStep; remove the exec-maven-plugin block by hand");
        }
        String body = pom.substring(block.start(), block.end());
        List<String> executions = all(EXECUTION_ID, body);
        if (!EXEC_EXECUTIONS.containsAll(executions)) {
            throw new EditException("the exec-maven-plugin block in pom.xml has executions of its own (" + String.join(", ",
                    executions.stream().filter(id -> !EXEC_EXECUTIONS.contains(id)).toList()) + ")" + MAVEN_PLUGIN_BY_HAND);
        }
        if (!all(ARGUMENT, body).equals(EXEC_ARGUMENTS)) {
            throw new EditException("the exec-maven-plugin block in pom.xml passes the falco-plugin steps other arguments"
                    + " than falco-plugin generated (" + String.join(" ", all(ARGUMENT, body)) + ")" + MAVEN_PLUGIN_BY_HAND);
        }
        Matcher version = CLI_VERSION.matcher(body);
        if (!version.find()) {
            throw new EditException("the exec-maven-plugin block in pom.xml has no <version> for falco-plugin-cli"
                    + MAVEN_PLUGIN_BY_HAND);
        }
        String entry = renderer.render("project/maven-plugin.xml.mustache", Map.of()).replace(SDK_VERSION, version.group(1));
        return Optional.of(pom.substring(0, block.start())
                + reindent(entry, block.indent(), pom.contains("\r\n") ? "\r\n" : "\n") + pom.substring(block.end()));
    }

    /**
     * A {@code <plugin>} element: from the start of its line (or {@code <plugin>} when other text precedes it there)
     * to the end of {@code </plugin>}.
     *
     * @param indent what precedes {@code <plugin>} on its line, or nothing
     */
    private record PluginBlock(int start, int end, String indent) {
    }

    private static Optional<PluginBlock> execStepsBlock(String pom) {
        int from = 0;
        while (true) {
            int open = pom.indexOf("<plugin>", from);
            int close = open < 0 ? -1 : pom.indexOf("</plugin>", open);
            if (close < 0) {
                return Optional.empty();
            }
            String body = pom.substring(open, close);
            if (EXEC_ARTIFACT.matcher(body).find() && MAVEN_STEP.matcher(body).find()) {
                int lineStart = pom.lastIndexOf('\n', open) + 1;
                String indent = pom.substring(lineStart, open);
                int end = close + "</plugin>".length();
                return Optional.of(indent.isBlank() ? new PluginBlock(lineStart, end, indent) : new PluginBlock(open, end, ""));
            }
            from = close;
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** {@code entry} with the indentation of its first line replaced by {@code indent} on every line. */
    private static String reindent(String entry, String indent, String lineBreak) {
        List<String> lines = entry.stripTrailing().lines().dropWhile(String::isBlank).toList();
        String base = lines.getFirst().substring(0, lines.getFirst().length() - lines.getFirst().stripLeading().length());
        List<String> indented = new ArrayList<>();
        for (String line : lines) {
            indented.add(line.startsWith(base) ? indent + line.substring(base.length()) : indent + line.strip());
        }
        return String.join(lineBreak, indented);
    }
}
