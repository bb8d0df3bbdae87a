package dev.falcojava.cli.editing;

import dev.falcojava.cli.generation.TemplateRenderer;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a project's pom.xml as text, so that everything else in it stays as the user wrote it: the test-scoped
 * dependency on {@code falco-plugin-sdk-testing} (the test harness, which left the SDK jar) goes right after the
 * dependency on {@code falco-plugin-sdk}, with its indentation and its version.
 */
public final class PomEditor {

    static final String TESTING_ARTIFACT = "falco-plugin-sdk-testing";

    private static final Pattern SDK_DEPENDENCY = Pattern.compile(
            "(?s)\\n([ \\t]*)<dependency>\\s*<groupId>\\s*dev\\.falcojava\\s*</groupId>\\s*"
                    + "<artifactId>\\s*falco-plugin-sdk\\s*</artifactId>(.*?)</dependency>[ \\t]*(?=\\r?\\n)");
    /** The version the template writes: the property generated poms define. */
    private static final String SDK_VERSION = "${falco-plugin-sdk.version}";
    private static final Pattern VERSION = Pattern.compile("<version>([^<]*)</version>");

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
}
