package dev.falcojava.cli.building;

import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AotCacheTest {

    private static final String SOURCE = """
            name: demo
            version: 0.1.0
            description: d
            contact: c
            id: 999
            package: com.example.demo
            linkage: %s
            jvm:
              options: [-Xmx32m]
              aot-cache: %s
            capabilities:
              source:
                event-source: demo
            """;

    private static final String EXTRACT_ONLY = """
            name: fields
            version: 0.1.0
            description: d
            contact: c
            package: com.example.fields
            capabilities:
              extract:
                event-sources: [k8s_audit]
                fields:
                  - name: fields.one
                    type: uint64
                    description: One
            """;

    @TempDir
    Path project;

    private Path staleCache(PluginDescriptor descriptor) throws Exception {
        Path cache = AotCache.file(project, descriptor);
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "an earlier build's cache");
        return cache;
    }

    @Test
    void aStaticArchiveGetsNoCacheAndLosesAStaleOne() throws Exception {
        PluginDescriptor descriptor = DescriptorReader.parse(SOURCE.formatted("static", "true"), "plugin.yaml");
        Path cache = staleCache(descriptor);
        AotCache.Outcome outcome = AotCache.train(project, descriptor, project.resolve("target/libdemo.a"),
                new Jdk(Path.of(System.getProperty("java.home"))));
        assertInstanceOf(AotCache.Skipped.class, outcome);
        assertFalse(Files.exists(cache));
        assertEquals(project.resolve("target/libdemo.aot"), cache);
    }

    @Test
    void aotCacheFalseSkipsTrainingAndLosesAStaleCache() throws Exception {
        PluginDescriptor descriptor = DescriptorReader.parse(SOURCE.formatted("shared", "false"), "plugin.yaml");
        Path cache = staleCache(descriptor);
        AotCache.Outcome outcome = AotCache.train(project, descriptor, project.resolve("target/libdemo.so"),
                new Jdk(Path.of(System.getProperty("java.home"))));
        assertEquals(new AotCache.Skipped("plugin.yaml sets jvm.aot-cache: false"), outcome);
        assertFalse(Files.exists(cache));
    }

    @Test
    void aSourcePluginIsTrainedOnItsOwnEventsAndAnotherOnFedEventsOfItsSource() throws Exception {
        PluginDescriptor source = DescriptorReader.parse(SOURCE.formatted("shared", "true"), "plugin.yaml");
        Path host = Path.of("/cache/falco-test-host");
        assertEquals(List.of("/cache/falco-test-host", "--aot-train", "/p/target/libdemo.aot", "--cycles", "1", "--events", "64",
                        "/p/target/libdemo.so"),
                AotCache.command(host, source, Path.of("/p/target/libdemo.aot"), Path.of("/p/target/libdemo.so"), List.of()));
        PluginDescriptor withParams = DescriptorReader.parse(SOURCE.formatted("shared", "true").replace(
                "    event-source: demo\n", "    event-source: demo\n    open-params:\n      - value: sample/a.log\n"
                        + "        description: A sample\n      - value: b.log\n        description: Another\n"), "plugin.yaml");
        assertEquals(List.of("/cache/falco-test-host", "--aot-train", "/p/target/libdemo.aot", "--cycles", "1", "--events", "64",
                        "--open-params", "sample/a.log", "/p/target/libdemo.so"),
                AotCache.command(host, withParams, Path.of("/p/target/libdemo.aot"), Path.of("/p/target/libdemo.so"), List.of()));
        PluginDescriptor fields = DescriptorReader.parse(EXTRACT_ONLY, "plugin.yaml");
        assertEquals(List.of("/cache/falco-test-host", "--aot-train", "/p/target/libfields.aot", "--cycles", "1", "--feed", "64",
                        "--feed-source", "k8s_audit", "--allow-extract-failure", "/p/target/libfields.so"),
                AotCache.command(host, fields, Path.of("/p/target/libfields.aot"), Path.of("/p/target/libfields.so"), List.of()));
    }

    @Test
    void onJdk25TheTrainingRecordsNoMethodProfilesAndOnOthersItIsLeftAsTheJdkHasIt() throws Exception {
        PluginDescriptor source = DescriptorReader.parse(SOURCE.formatted("shared", "true"), "plugin.yaml");
        List<String> options = AotCache.trainingJvmOptions(25);
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining"), options);
        assertEquals(List.of(), AotCache.trainingJvmOptions(26));
        assertEquals(List.of("/cache/falco-test-host", "--aot-train", "/p/target/libdemo.aot", "--cycles", "1",
                        "--aot-jvm-options", "-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining", "--events", "64",
                        "/p/target/libdemo.so"),
                AotCache.command(Path.of("/cache/falco-test-host"), source, Path.of("/p/target/libdemo.aot"),
                        Path.of("/p/target/libdemo.so"), options));
    }
}
