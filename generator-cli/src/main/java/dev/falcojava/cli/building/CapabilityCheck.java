package dev.falcojava.cli.building;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the capabilities the built plugin class implements are exactly those plugin.yaml declares, which are
 * the ones the glue exports: a class that implements a capability the library does not export would never be
 * called, and the host would not know it. Reads the compiled class from the plugin jar without initializing it.
 */
public final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /** The SDK interface of each capability key, and of metrics. */
    private static Map<String, String> interfaces() {
        Map<String, String> interfaces = new LinkedHashMap<>();
        interfaces.put("source", "dev.falcojava.sdk.api.SourcePlugin");
        interfaces.put("extract", "dev.falcojava.sdk.api.ExtractPlugin");
        interfaces.put("parse", "dev.falcojava.sdk.api.ParsePlugin");
        interfaces.put("async", "dev.falcojava.sdk.api.AsyncPlugin");
        interfaces.put("capture-listen", "dev.falcojava.sdk.api.CaptureListener");
        interfaces.put("metrics", "dev.falcojava.sdk.api.MetricsPlugin");
        interfaces.put("reconfigure", "dev.falcojava.sdk.api.Reconfigurable");
        interfaces.put("dump-state", "dev.falcojava.sdk.api.StateDumper");
        return interfaces;
    }

    /** @throws BuildException naming each mismatch and its fix */
    public static void run(PluginDescriptor descriptor, Path pluginJar) throws BuildException {
        List<String> declared = new ArrayList<>(descriptor.capabilities().stream().map(Capability::key).toList());
        if (descriptor.metrics()) {
            declared.add("metrics");
        }
        if (descriptor.reconfigure()) {
            declared.add("reconfigure");
        }
        if (descriptor.async().map(Capability.Async::dumpState).orElse(false)) {
            declared.add("dump-state");
        }
        String className = descriptor.javaPackage() + "." + descriptor.className();
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> plugin = Class.forName(className, false, loader);
            for (Map.Entry<String, String> capability : interfaces().entrySet()) {
                boolean implemented = Class.forName(capability.getValue(), false, loader).isAssignableFrom(plugin);
                boolean isDeclared = declared.contains(capability.getKey());
                String simple = capability.getValue().substring(capability.getValue().lastIndexOf('.') + 1);
                if (implemented && !isDeclared) {
                    problems.add(className + " implements " + simple + " but plugin.yaml does not declare "
                            + capability.getKey() + ": run falco-plugin " + fix(capability.getKey())
                            + ", or remove 'implements " + simple + "'");
                } else if (!implemented && isDeclared) {
                    problems.add("plugin.yaml declares " + capability.getKey() + " but " + className + " does not implement "
                            + simple + ": make it extend the generated base class again, or remove " + capability.getKey()
                            + " from plugin.yaml");
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BuildException("cannot read " + className + " from " + pluginJar + " to check its capabilities: " + e);
        } catch (IOException e) {
            throw new BuildException("cannot open " + pluginJar + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new BuildException("the plugin class and plugin.yaml disagree:\n  " + String.join("\n  ", problems));
        }
    }

    private static String fix(String key) {
        return switch (key) {
            case "metrics", "reconfigure" -> "generate after adding '" + key + ": true' to plugin.yaml";
            case "dump-state" -> "generate after adding 'dump-state: true' under async in plugin.yaml";
            default -> "add-capability " + key;
        };
    }
}
