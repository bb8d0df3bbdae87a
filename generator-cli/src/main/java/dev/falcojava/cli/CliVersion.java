package dev.falcojava.cli;

import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.installation.Installation;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this CLI and of the SDK and build plugins it puts into generated projects; {@code --version} also names the installation. */
public final class CliVersion implements CommandLine.IVersionProvider {

    private static final Properties PROPERTIES = load();

    public static String version() {
        return PROPERTIES.getProperty("version");
    }

    public static ProjectModel.Versions projectVersions() {
        return new ProjectModel.Versions(version(), get("junit.version"), get("compiler-plugin.version"),
                get("surefire-plugin.version"), get("shade-plugin.version"), get("build-helper-plugin.version"),
                get("jar-plugin.version"), get("resources-plugin.version"), get("install-plugin.version"),
                get("enforcer-plugin.version"));
    }

    @Override
    public String[] getVersion() {
        return new String[] {"falco-plugin " + version(), Installation.current().describe()};
    }

    private static String get(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.startsWith("${")) {
            throw new IllegalStateException("version.properties has no value for " + key);
        }
        return value;
    }

    private static Properties load() {
        try (InputStream in = CliVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the CLI jar");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
