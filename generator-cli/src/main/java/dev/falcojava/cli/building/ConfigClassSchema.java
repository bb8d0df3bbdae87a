package dev.falcojava.cli.building;

import dev.falcojava.cli.generation.ShapeSchema;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.sdk.config.ConfigShape;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Derives the init schema of a {@code config-class} from the compiled record in the plugin jar, after
 * {@code mvn package}: the class is loaded without being initialized, in a class loader of its own whose parent
 * holds the CLI's copy of the SDK, which derives the record's shape with the same rules it binds with at init.
 */
public final class ConfigClassSchema {

    private ConfigClassSchema() {
    }

    /** {@code descriptor} with the schema of its config-class; unchanged when it has none. */
    public static PluginDescriptor derive(PluginDescriptor descriptor, Path pluginJar) throws BuildException {
        if (descriptor.configClass().isEmpty()) {
            return descriptor;
        }
        String name = descriptor.configClass().get().name();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar.toUri().toURL()},
                ConfigClassSchema.class.getClassLoader())) {
            Class<?> type = Class.forName(name, false, loader);
            return descriptor.withConfigSchema(ShapeSchema.of(ConfigShape.of(type)));
        } catch (ClassNotFoundException | NoClassDefFoundError | TypeNotPresentException e) {
            throw new BuildException("config-class " + name + " of plugin.yaml is not in " + pluginJar
                    + ": write the record in src/main/java, or correct its name");
        } catch (IllegalArgumentException e) {
            throw new BuildException("config-class " + name + " cannot be bound to init_config: " + e.getMessage());
        } catch (IOException e) {
            throw new BuildException("cannot read " + pluginJar + ": " + e.getMessage());
        }
    }
}
