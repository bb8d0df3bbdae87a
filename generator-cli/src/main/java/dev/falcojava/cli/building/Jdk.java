package dev.falcojava.cli.building;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK that builds plugins: {@code JAVA_HOME} when it is a JDK 25 or newer (the path is kept as given, so a
 * plugin records the JDK the way the user named it), otherwise the JDK running this command.
 *
 * @param home the JDK home
 */
public record Jdk(Path home) {

    static final int MIN_FEATURE = 25;
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    public static Jdk forBuilding() throws BuildException {
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Path home = Path.of(javaHome).toAbsolutePath().normalize();
            if (feature(home).orElse(0) >= MIN_FEATURE && hasHeaders(home)) {
                return new Jdk(home);
            }
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (!hasHeaders(running)) {
            throw new BuildException("the Java runtime at " + running + " is not a JDK (no include/jni.h); set JAVA_HOME to a JDK "
                    + MIN_FEATURE + " or newer");
        }
        return new Jdk(running);
    }

    static Optional<Integer> feature(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean hasHeaders(Path home) {
        return Files.isRegularFile(home.resolve("include/jni.h"));
    }

    /** The feature release of this JDK (25 for 25.0.3), from its release file; 0 when unknown. */
    public int feature() {
        return feature(home).orElse(0);
    }

    Path include() {
        return home.resolve("include");
    }
}
