package dev.falcojava.cli.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class DescriptorReaderTest {

    private static final String VALID = """
            name: demo
            version: 0.1.0
            description: "A \\"demo\\" plugin"
            contact: https://example.com
            id: 999
            package: com.example.demo
            jvm:
              options: [-Xmx32m]
            capabilities:
              source:
                event-source: demo
              extract:
                fields:
                  - name: demo.count
                    type: uint64
                    description: The number
                  - name: demo.event_name
                    type: string
                    description: The name
            """;

    @Test
    void readsAValidDescriptor() throws Exception {
        PluginDescriptor d = DescriptorReader.parse(VALID, "plugin.yaml");
        assertEquals("demo", d.name());
        assertEquals("A \"demo\" plugin", d.description());
        assertEquals(999, d.id());
        assertEquals("DemoPlugin", d.className());
        assertEquals(List.of("-Xmx32m"), d.jvm().options());
        assertEquals("demo", d.source().orElseThrow().eventSource());
        assertEquals(List.of(new FieldSpec("demo.count", FieldType.UINT64, "The number"),
                new FieldSpec("demo.event_name", FieldType.STRING, "The name")), d.extract().orElseThrow().fields());
        assertEquals("3.3.0", d.requiredApiVersion());
        assertEquals("extractEventName", Names.extractMethod("demo.event_name", "demo."));
    }

    private static List<String> problems(String yaml) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> DescriptorReader.parse(yaml, "p.yaml"));
        return e.problems().stream().map(DescriptorProblem::toString).toList();
    }

    private static void assertProblem(String yaml, String expected) {
        List<String> problems = problems(yaml);
        assertThat(problems).anyMatch(p -> p.startsWith(expected));
    }

    @Test
    void aNameFalcoRejectsIsReportedAtItsPosition() {
        assertProblem(VALID.replace("name: demo", "name: My Plugin!"), "p.yaml:1:7: name 'My Plugin!' is not valid");
    }

    @Test
    void aSourceWithoutIdIsReported() {
        assertProblem(VALID.replace("id: 999\n", ""), "p.yaml:1:1: a plugin with the source capability needs an 'id'");
    }

    @Test
    void idZeroIsReported() {
        assertProblem(VALID.replace("id: 999", "id: 0"), "p.yaml:5:5: id must be from 1 to 4294967295, not 0");
    }

    @Test
    void aDuplicateFieldIsReported() {
        assertProblem(VALID.replace("demo.event_name", "demo.count"),
                "p.yaml:17:15: field 'demo.count' is declared twice (first at line 14)");
    }

    @Test
    void aFieldOutsideTheSharedPrefixIsReported() {
        assertProblem(VALID.replace("demo.event_name", "other.name"),
                "p.yaml:17:15: field 'other.name' does not start with 'demo.'");
    }

    @Test
    void aPackageThatIsNotJavaIsReportedAtItsPosition() {
        assertProblem(VALID.replace("package: com.example.demo", "package: com.example.my-demo"),
                "p.yaml:6:10: package 'com.example.my-demo' is not a Java package name");
    }

    @Test
    void aClassThatIsNotJavaIsReportedAtItsPosition() {
        assertProblem(VALID.replace("package:", "class: 2Demo\npackage:"),
                "p.yaml:6:8: class '2Demo' is not a Java class name");
        assertProblem(VALID.replace("package:", "class: enum\npackage:"), "p.yaml:6:8: class 'enum' is not a Java class name");
    }

    @Test
    void aFieldNameWithoutPrefixIsReportedAtItsPosition() {
        assertProblem(VALID.replace("demo.event_name", "event_name"), "p.yaml:17:15: name 'event_name' is not valid");
    }

    @Test
    void anEmptyEventSourceIsReported() {
        assertProblem(VALID.replace("event-source: demo", "event-source: \"\""), "p.yaml:11:19: 'event-source' must not be empty");
    }

    @Test
    void theRequiredApiVersionFollowsTheCapabilities() throws Exception {
        String anySource = VALID.replace("id: 999\n", "").replace("  source:\n    event-source: demo\n", "");
        PluginDescriptor d = DescriptorReader.parse(anySource, "p.yaml");
        assertTrue(d.source().isEmpty());
        assertEquals("3.3.0", d.requiredApiVersion(), "log_fn of the init input; the schema function raises nothing");
        assertEquals("4.3.0", EventSchema.required(d), "an extractor of every source takes syscall events: event schema");
        String extractOnly = anySource.replace("  extract:\n", "  extract:\n    event-sources: [demo]\n");
        assertEquals(null, EventSchema.required(DescriptorReader.parse(extractOnly, "p.yaml")), "a source of its own");
        assertEquals(null, EventSchema.required(DescriptorReader.parse(anySource.replace("  extract:\n",
                "  extract:\n    event-types: [322]\n"), "p.yaml")), "plugin events only");
        assertEquals("4.3.0", EventSchema.required(DescriptorReader.parse(anySource.replace("  extract:\n",
                "  extract:\n    event-sources: [demo]\n    event-types: [322, 3]\n"), "p.yaml")));
        assertEquals("3.5.0", DescriptorReader.parse(extractOnly + "metrics: true\n", "p.yaml").requiredApiVersion());
        assertEquals("3.7.0", DescriptorReader.parse(extractOnly.replace("capabilities:\n", "capabilities:\n  capture-listen: {}\n"),
                "p.yaml").requiredApiVersion());
        assertEquals("3.8.0", DescriptorReader.parse(extractOnly.replace("        type: uint64\n",
                "        type: uint64\n        add-output: true\n"), "p.yaml").requiredApiVersion());
        assertEquals("3.10.0", DescriptorReader.parse(extractOnly + "linkage: static\n", "p.yaml").requiredApiVersion());
    }

    @Test
    void fieldOptionsAndTheOtherCapabilitiesAreReadAndCheckedWithPositions() throws Exception {
        String all = VALID.replace("capabilities:\n", """
                capabilities:
                  parse:
                    event-sources: [demo, syscall]
                    event-types: [322, 3]
                  async:
                    events: [demo_tick]
                  capture-listen: {}
                """);
        PluginDescriptor d = DescriptorReader.parse(all, "p.yaml");
        assertEquals(List.of("demo", "syscall"), d.parse().orElseThrow().eventSources());
        assertEquals(List.of(322, 3), d.parse().orElseThrow().eventTypes());
        assertEquals(List.of("demo_tick"), d.async().orElseThrow().events());
        assertTrue(d.captureListen().isPresent());
        assertProblem(all.replace("[322, 3]", "[322, 70000]"), "p.yaml:12:18: event type '70000' is not an event type code");
        assertProblem(all.replace("events: [demo_tick]", "events: []"), "p.yaml:14:13: async needs 'events'");
        assertProblem(VALID.replace("        type: uint64\n", "        type: uint64\n        arg: name\n"),
                "p.yaml:16:14: arg must be 'index' (a number, as in field[2]) or 'key'");
        assertProblem(VALID.replace("        type: uint64\n", "        type: uint64\n        arg-required: true\n"),
                "p.yaml:16:9: arg-required needs 'arg: index' or 'arg: key'");
        assertProblem(VALID.replace("        type: uint64\n", "        type: uint64\n        properties: [secret]\n"),
                "p.yaml:16:21: unknown field property 'secret' (known: hidden, info, conversation)");
    }

    @Test
    void eventTypesAreCodesOrTheNamesOfTypedEvents() throws Exception {
        String named = VALID.replace("capabilities:\n", """
                capabilities:
                  parse:
                    event-sources: [syscall]
                    event-types: [openat_x, 3, execve_x, close_x]
                """);
        assertEquals(List.of(307, 3, 293, 5), DescriptorReader.parse(named, "p.yaml").parse().orElseThrow().eventTypes());
        assertProblem(named.replace("openat_x", "opneat_x"), "p.yaml:12:18: event type 'opneat_x' is not an event type code"
                + " from 0 to 65535 (322 is the plugin event, 402 the async event) nor the name of a typed event");
    }

    @Test
    void anUnknownCapabilityIsReported() {
        assertProblem(VALID.replace("  extract:", "  exctract:"), "p.yaml:12:3: 'exctract' is not a capability");
    }

    @Test
    void anUnknownFieldTypeIsReported() {
        assertProblem(VALID.replace("type: uint64", "type: uint32"), "p.yaml:15:15: unknown field type 'uint32'");
    }

    @Test
    void theSyscallSourceIsReserved() {
        assertProblem(VALID.replace("event-source: demo", "event-source: syscall"), "p.yaml:11:19: event source 'syscall' is reserved");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        assertProblem("name: demo\n  version: [", "p.yaml:2:10: not valid YAML");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems(VALID.replace("id: 999", "id: 0").replace("type: uint64", "type: u64")
                .replace("package: com.example.demo", "package: com.class.demo"));
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void aPluginWithoutCapabilitiesIsRefused() {
        assertProblem("""
                name: demo
                version: 1.0.0
                description: d
                contact: c
                package: a.b
                capabilities: {}
                """, "p.yaml:6:15: capabilities must declare at least one of: source, extract");
    }

    @Test
    void staticLinkageNamesItsApiStructAndNeedsTheNewerLayout() throws Exception {
        PluginDescriptor d = DescriptorReader.parse(VALID.replace("package:", "linkage: static\npackage:"), "plugin.yaml");
        assertEquals(new Linkage.Static("DEMO_API"), d.linkage());
        assertEquals("3.10.0", d.requiredApiVersion());
        PluginDescriptor named = DescriptorReader.parse(
                VALID.replace("package:", "linkage: static\napi-symbol: my_demo\npackage:"), "plugin.yaml");
        assertEquals(new Linkage.Static("my_demo"), named.linkage());
        assertEquals(new Linkage.Shared(), DescriptorReader.parse(VALID, "plugin.yaml").linkage());
    }

    @Test
    void aBadApiSymbolOrLinkageIsReported() {
        assertProblem(VALID.replace("package:", "linkage: static\napi-symbol: 9lives\npackage:"),
                "p.yaml:7:13: api-symbol '9lives' is not a C identifier");
        assertProblem(VALID.replace("package:", "linkage: dynamic\npackage:"),
                "p.yaml:6:10: linkage must be 'shared' or 'static', not 'dynamic'");
        assertProblem(VALID.replace("package:", "api-symbol: X\npackage:"), "p.yaml:6:1: api-symbol is for 'linkage: static' only");
    }

    @Test
    void configKeysAreTypedAndCheckedWithTheirDefaults() throws Exception {
        PluginDescriptor d = DescriptorReader.parse(VALID.replace("capabilities:", """
                config:
                  - name: max-events
                    type: integer
                    description: How many
                    default: 10
                  - name: token
                    type: string
                    description: Required
                capabilities:"""), "p.yaml");
        assertEquals(List.of(new ConfigKey("max-events", new ConfigType.Integral("integer", true, java.util.Optional.empty(),
                        java.util.Optional.empty()), "How many", java.util.Optional.of(10L), false),
                new ConfigKey("token", new ConfigType.Text(java.util.Optional.empty()), "Required", java.util.Optional.empty(),
                        false)), d.config());
        assertEquals("maxEvents", d.config().getFirst().javaName());
    }

    @Test
    void badConfigKeysAreReported() {
        String config = VALID.replace("capabilities:", """
                config:
                  - name: count
                    type: integer
                    description: How many
                    default: ten
                  - name: class
                    type: string
                    description: A keyword
                  - name: mode
                    type: map
                    description: Unknown type
                capabilities:""");
        assertProblem(config, "p.yaml:13:14: default 'ten' is not of type integer");
        assertProblem(config, "p.yaml:14:11: config key 'class' becomes the Java name class, which is a Java keyword");
        assertProblem(config, "p.yaml:18:11: unknown config type 'map' (known: int, long, integer, number, string, boolean, enum, object, list)");
    }

    @Test
    void aPluginWithoutCapabilitiesIsRefusedUnlessTheDescriptorOptsInForDevelopment() throws Exception {
        String none = VALID.replace("id: 999\n", "").substring(0, VALID.replace("id: 999\n", "").indexOf("capabilities:"))
                + "capabilities: {}\n";
        assertProblem(none, "p.yaml:8:15: capabilities must declare at least one of: source, extract, parse, async, "
                + "capture-listen (Falco refuses a plugin without; 'development: true' allows none while you set it up)");
        PluginDescriptor d = DescriptorReader.parse(none + "development: true\n", "p.yaml");
        assertTrue(d.capabilities().isEmpty());
    }

    @Test
    void theRuntimeIsInstalledUnlessBundledIsAskedFor() throws Exception {
        JvmSettings installed = DescriptorReader.parse(VALID, "plugin.yaml").jvm();
        assertEquals(JvmSettings.Runtime.INSTALLED, installed.runtime());
        assertEquals(List.of(), installed.modules());
        JvmSettings bundled = DescriptorReader.parse(VALID.replace("  options: [-Xmx32m]",
                "  options: [-Xmx32m]\n  runtime: bundled\n  modules: [java.sql, jdk.unsupported]"), "plugin.yaml").jvm();
        assertTrue(bundled.bundlesRuntime());
        assertEquals(List.of("java.sql", "jdk.unsupported"), bundled.modules());
    }

    @Test
    void aBadRuntimeOrModuleIsReportedAtItsPosition() {
        assertProblem(VALID.replace("  options: [-Xmx32m]", "  options: [-Xmx32m]\n  runtime: jlink"),
                "p.yaml:9:12: jvm.runtime must be 'installed' (a Java 25 on the host, the default) or 'bundled'");
        assertProblem(VALID.replace("  options: [-Xmx32m]", "  options: [-Xmx32m]\n  modules: [java.sql, \"java/net\"]"),
                "p.yaml:9:23: jvm.modules: 'java/net' is not a Java module name");
    }

    @Test
    void theAotCacheIsTrainedUnlessTurnedOff() throws Exception {
        assertTrue(DescriptorReader.parse(VALID, "plugin.yaml").jvm().aotCache());
        assertFalse(DescriptorReader.parse(VALID.replace("  options: [-Xmx32m]", "  options: [-Xmx32m]\n  aot-cache: false"),
                "plugin.yaml").jvm().aotCache());
        assertProblem(VALID.replace("  options: [-Xmx32m]", "  options: [-Xmx32m]\n  aot-cache: maybe"),
                "p.yaml:9:14: aot-cache must be true or false, not 'maybe'");
    }
}
