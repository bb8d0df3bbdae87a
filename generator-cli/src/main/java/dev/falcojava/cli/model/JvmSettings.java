package dev.falcojava.cli.model;

import java.util.List;

/**
 * How the plugin's JVM is found and started when the plugin is the first Java plugin in the process.
 *
 * @param options  JVM options, for example {@code -Xmx64m}
 * @param javaHome an explicit Java home to use first, or empty
 * @param runtime  whether the build bundles a runtime beside the library
 * @param modules  modules added to a bundled runtime beyond those {@code jdeps} finds, for example
 *                 {@code java.sql} for a library that loads it by reflection
 * @param aotCache whether a shared build trains the JDK's AOT cache {@code lib<name>.aot} beside the library
 */
public record JvmSettings(List<String> options, String javaHome, Runtime runtime, List<String> modules,
                          boolean aotCache) {

    /**
     * A small heap with the serial collector, and bounds on the heap's start, metaspace and code cache; no perf-data
     * file under /tmp. They bound the memory a plugin adds to the host without slowing its steady state.
     */
    public static final List<String> DEFAULT_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xms8m",
            "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=32m", "-XX:-UsePerfData");

    /** Where the library's Java runtime comes from. */
    public enum Runtime {
        /** A Java 25 installed on the host, found at run time (the default). */
        INSTALLED("installed"),
        /** A minimal runtime made by jlink at build time, shipped beside the library. */
        BUNDLED("bundled");

        private final String yamlName;

        Runtime(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public JvmSettings {
        options = List.copyOf(options);
        modules = List.copyOf(modules);
    }

    /** Settings with the AOT cache trained. */
    public JvmSettings(List<String> options, String javaHome, Runtime runtime, List<String> modules) {
        this(options, javaHome, runtime, modules, true);
    }

    /** Settings with an installed runtime. */
    public JvmSettings(List<String> options, String javaHome) {
        this(options, javaHome, Runtime.INSTALLED, List.of());
    }

    /** The same settings with a bundled runtime, for a build that asks for one. */
    public JvmSettings bundled() {
        return new JvmSettings(options, javaHome, Runtime.BUNDLED, modules, aotCache);
    }

    public boolean bundlesRuntime() {
        return runtime == Runtime.BUNDLED;
    }
}
