package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.FieldType;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class NewCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void theDefaultsMakeASourceAndExtractPluginWithWorkingStarterCode(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("my-plugin");
        CliRun outcome = run("new", "my-plugin", "--dir", project.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("created " + project), outcome.out());

        PluginDescriptor d = DescriptorReader.read(project.resolve("plugin.yaml"));
        assertEquals(999, d.id());
        assertEquals("my_plugin", d.source().orElseThrow().eventSource());
        assertEquals("com.example.myplugin", d.javaPackage());
        assertEquals("MyPluginPlugin", d.className());
        assertEquals(List.of(new FieldSpec("my_plugin.count", FieldType.UINT64, "The number of the event"),
                new FieldSpec("my_plugin.message", FieldType.STRING, "The event payload as text"),
                new FieldSpec("my_plugin.even", FieldType.BOOL, "Whether the event number is even")),
                d.extract().orElseThrow().fields());
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx64m"), d.jvm().options());

        String code = "src/main/java/com/example/myplugin/";
        assertEquals(List.of(Path.of(".gitignore"), Path.of(".mvn/jvm.config"), Path.of("README.md"), Path.of("falco/falco.yaml"),
                Path.of("falco/my-plugin_rules.yaml"), Path.of("falco/registry.yaml"), Path.of("plugin.yaml"), Path.of("pom.xml"),
                Path.of("src/generated/java/com/example/myplugin/AbstractMyPluginPlugin.java"),
                Path.of("src/generated/native/plugin_glue.c"),
                Path.of(code + "MyPluginPlugin.java"), Path.of(code + "MyPluginSourceInstance.java"),
                Path.of("src/test/java/com/example/myplugin/MyPluginPluginTest.java")), filesUnder(project));

        String plugin = Files.readString(project.resolve(code + "MyPluginPlugin.java"));
        assertTrue(plugin.contains("public class MyPluginPlugin extends AbstractMyPluginPlugin {"), plugin);
        assertTrue(plugin.contains("return new MyPluginSourceInstance(params);"), plugin);
        assertTrue(plugin.contains("""
                    protected long extractCount(ExtractRequest request) {
                        return request.event().number();
                """), plugin);
        assertTrue(plugin.contains("""
                    protected String extractMessage(ExtractRequest request) {
                        return request.event().payloadAsString();
                """), plugin);
        assertTrue(plugin.contains("""
                    protected boolean extractEven(ExtractRequest request) {
                        return request.event().number() % 2 == 0;
                """), plugin);

        String instance = Files.readString(project.resolve(code + "MyPluginSourceInstance.java"));
        assertTrue(instance.contains("batch.add(\"my-plugin event \" + next++);"), instance);
        assertTrue(instance.contains("EVENTS_PER_BATCH = 4;"), instance);
        assertTrue(instance.contains("DEFAULT_MAX = 10;"), instance);

        String test = Files.readString(project.resolve("src/test/java/com/example/myplugin/MyPluginPluginTest.java"));
        assertTrue(test.contains("@FalcoPluginTest(value = MyPluginPlugin.class, config = \"\", openParams = \"max=3\")"), test);
        assertTrue(test.contains("assertEquals(List.of(2L), harness.extract(events.get(1), \"my_plugin.count\"));"), test);
        assertTrue(test.contains("assertEquals(List.of(\"my-plugin event 3\"), harness.extract(events.get(2), \"my_plugin.message\"));"), test);
        assertTrue(test.contains("assertEquals(List.of(true), harness.extract(events.get(1), \"my_plugin.even\"));"), test);

        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<groupId>com.example.myplugin</groupId>"), pom);
        assertTrue(pom.contains("<artifactId>my-plugin</artifactId>"), pom);
        assertTrue(pom.contains("""
                      <artifactId>falco-plugin-sdk-testing</artifactId>
                      <version>${falco-plugin-sdk.version}</version>
                      <scope>test</scope>
                """), pom);
        assertTrue(pom.contains("<falco-plugin-sdk.version>" + dev.falcojava.cli.CliVersion.version() + "</falco-plugin-sdk.version>"), pom);
        assertTrue(pom.contains("<argLine>--enable-native-access=ALL-UNNAMED</argLine>"), pom);
        assertTrue(pom.contains("<source>src/generated/java</source>"), pom);
        assertFalse(pom.contains("exec-maven-plugin"), pom);
        assertTrue(pom.contains("""
                        <groupId>dev.falcojava</groupId>
                        <artifactId>falco-plugin-maven-plugin</artifactId>
                        <version>${falco-plugin-sdk.version}</version>
                        <executions>
                          <execution>
                            <id>falco-plugin</id>
                            <goals>
                              <goal>generate</goal>
                              <goal>check-rules</goal>
                              <goal>link</goal>
                            </goals>
                """), pom);
        assertTrue(pom.indexOf("<artifactId>maven-enforcer-plugin</artifactId>") < pom.indexOf("<artifactId>falco-plugin-maven-plugin"),
                "the JDK check comes before the steps that run the CLI:\n" + pom);
        assertTrue(pom.indexOf("<artifactId>maven-shade-plugin</artifactId>") < pom.indexOf("<artifactId>falco-plugin-maven-plugin"),
                "link, bound to package too, comes after the shade step:\n" + pom);
        assertTrue(pom.contains("<message>falco-plugin: this project needs JDK 25 or newer; Maven runs on Java ${java.version} at "
                + "${java.home}; set JAVA_HOME to a JDK 25 home"), pom);
        assertFalse(pom.contains("${project.version}"), "the SDK version is the CLI's own, filled in at CLI build time");

        String glue = Files.readString(project.resolve("src/generated/native/plugin_glue.c"));
        assertTrue(glue.contains("com.example.myplugin.MyPluginPlugin"), "the glue names the user's plugin class");
    }

    @Test
    void anExtractOnlyPluginHasNoSourceCodeAndATestOnAHandMadeEvent(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("fields");
        CliRun outcome = run("new", "fields", "--capabilities", "extract", "--package", "org.acme.fields",
                "--dir", project.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());

        PluginDescriptor d = DescriptorReader.read(project.resolve("plugin.yaml"));
        assertTrue(d.source().isEmpty());
        assertEquals("3.3.0", d.requiredApiVersion());
        assertFalse(Files.readString(project.resolve("plugin.yaml")).contains("id:"), "no id without the source capability");
        assertFalse(Files.exists(project.resolve("src/main/java/org/acme/fields/FieldsSourceInstance.java")));

        String base = Files.readString(project.resolve("src/generated/java/org/acme/fields/AbstractFieldsPlugin.java"));
        assertTrue(base.contains("public abstract class AbstractFieldsPlugin implements ExtractPlugin {"), base);
        assertFalse(base.contains("pluginId()"), base);

        String test = Files.readString(project.resolve("src/test/java/org/acme/fields/FieldsPluginTest.java"));
        assertTrue(test.contains("assertEquals(List.of(\"hello\"), harness.extract(event, \"fields.message\"));"), test);
        assertFalse(test.contains("harness.open("), test);
    }

    @Test
    void theEventSourceAndIdOptionsReachTheDescriptor(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("p");
        CliRun outcome = run("new", "net-flows", "--capabilities", "source", "--id", "4242", "--event-source", "flows",
                "--dir", project.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        PluginDescriptor d = DescriptorReader.read(project.resolve("plugin.yaml"));
        assertEquals(4242, d.id());
        assertEquals("flows", d.source().orElseThrow().eventSource());
        assertTrue(d.extract().isEmpty());
    }

    @Test
    void thePrefixOptionNamesTheStarterFieldsTheirRuleAndTheFieldsAddedLater(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("k8sjava");
        CliRun outcome = run("new", "k8sjava", "--prefix", "ka", "--dir", project.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        PluginDescriptor d = DescriptorReader.read(project.resolve("plugin.yaml"));
        assertEquals(List.of("ka.count", "ka.message", "ka.even"),
                d.extract().orElseThrow().fields().stream().map(FieldSpec::name).toList());
        String plugin = Files.readString(project.resolve("src/main/java/com/example/k8sjava/K8sjavaPlugin.java"));
        assertTrue(plugin.contains("""
                    protected long extractCount(ExtractRequest request) {
                        return request.event().number();
                """), "the starter fields keep their working code under another prefix:\n" + plugin);
        String rules = Files.readString(project.resolve("falco/k8sjava_rules.yaml"));
        assertTrue(rules.contains("condition: ka.count exists"), rules);
        assertTrue(rules.contains("ka.message=%ka.message"), rules);
        assertFalse(rules.contains("k8sjava."), rules);
        String test = Files.readString(project.resolve("src/test/java/com/example/k8sjava/K8sjavaPluginTest.java"));
        assertTrue(test.contains("harness.extract(events.get(1), \"ka.count\")"), test);

        CliRun added = run("add-field", "ka.verb", "--type", "string", "--dir", project.toString());
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(Files.readString(project.resolve("src/main/java/com/example/k8sjava/K8sjavaPlugin.java"))
                .contains("protected String extractVerb(ExtractRequest request) {"));

        Path dotted = tmp.resolve("dotted");
        assertEquals(0, run("new", "k8sjava", "--prefix", "ka.", "--dir", dotted.toString()).exitCode());
        assertEquals("ka.count", DescriptorReader.read(dotted.resolve("plugin.yaml")).extract().orElseThrow().fields()
                .getFirst().name(), "a trailing dot is the same prefix");
    }

    @Test
    void aPrefixThatIsNotOneLowercasePartOrHasNoFieldsToNameIsAUsageError(@TempDir Path tmp) throws Exception {
        for (String bad : List.of("Ka", "k a", "ka.audit", "9ka", "", "ka-x")) {
            CliRun outcome = run("new", "demo", "--prefix", bad, "--dir", tmp.resolve("p").toString());
            assertEquals(2, outcome.exitCode(), bad);
            assertTrue(outcome.err().contains("--prefix '" + bad + "' is not a field prefix: lowercase letters, digits "
                    + "and '_', starting with a letter"), outcome.err());
        }
        CliRun noExtract = run("new", "demo", "--capabilities", "source", "--prefix", "ka", "--dir", tmp.resolve("q").toString());
        assertEquals(2, noExtract.exitCode());
        assertTrue(noExtract.err().contains("--prefix names the fields of the extract capability, and --capabilities "
                + "source has none"), noExtract.err());
        Path source = Files.writeString(tmp.resolve("mine.yaml"), "name: demo\n");
        CliRun withFrom = run("new", "--from", source.toString(), "--prefix", "ka", "--dir", tmp.resolve("r").toString());
        assertEquals(2, withFrom.exitCode());
        assertTrue(withFrom.err().contains("--from takes everything from the file; drop --prefix"), withFrom.err());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(source), left.toList(), "a refused project leaves nothing behind");
        }
    }

    @Test
    void anExistingProjectIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("demo"));
        Files.writeString(project.resolve("plugin.yaml"), "mine");
        CliRun outcome = run("new", "demo", "--dir", project.toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("exists and is not empty"), outcome.err());
        assertEquals("mine", Files.readString(project.resolve("plugin.yaml")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(project), left.toList(), "nothing is written beside it");
        }
    }

    @Test
    void anEmptyTargetDirectoryIsFilled(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, run("new", "demo", "--dir", project.toString()).exitCode());
        assertTrue(Files.isRegularFile(project.resolve("plugin.yaml")));
    }

    @Test
    void invalidOptionsAreUsageErrorsThatNameTheRule(@TempDir Path tmp) throws Exception {
        CliRun badName = run("new", "My Plugin", "--dir", tmp.resolve("a").toString());
        assertEquals(2, badName.exitCode());
        assertTrue(badName.err().contains("plugin.yaml (from the options):2:7: name 'My Plugin' is not valid"), badName.err());
        assertEquals(1, badName.err().lines().filter(line -> line.startsWith("plugin.yaml")).count(),
                "one problem, not one per name derived from it:\n" + badName.err());

        CliRun badPackage = run("new", "demo", "--package", "com.class.demo", "--dir", tmp.resolve("b").toString());
        assertEquals(2, badPackage.exitCode());
        assertTrue(badPackage.err().contains("package 'com.class.demo' is not a Java package name"), badPackage.err());

        CliRun syscall = run("new", "demo", "--event-source", "syscall", "--dir", tmp.resolve("c").toString());
        assertEquals(2, syscall.exitCode());
        assertTrue(syscall.err().contains("event source 'syscall' is reserved"), syscall.err());

        CliRun unknown = run("new", "demo", "--capabilities", "source,tables", "--dir", tmp.resolve("d").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown capability 'tables' (known: source, extract, parse, async, capture-listen)"), unknown.err());

        CliRun zeroId = run("new", "demo", "--id", "0", "--dir", tmp.resolve("e").toString());
        assertEquals(2, zeroId.exitCode());
        assertTrue(zeroId.err().contains("id must be from 1 to 4294967295, not 0"), zeroId.err());

        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "a refused project leaves nothing behind");
        }
    }

    @Test
    void fromAPluginYamlTheProjectKeepsTheFileAsIsAndOptionsBesideItAreRefused(@TempDir Path tmp) throws Exception {
        Path source = tmp.resolve("mine.yaml");
        Files.writeString(source, """
                # my own descriptor, comments kept
                name: from-file
                version: 2.0.0
                description: From a file
                contact: me
                package: org.acme.fromfile
                capabilities:
                  parse: {}   # just parsing
                """);
        Path project = tmp.resolve("p");
        assertEquals(0, run("new", "--from", source.toString(), "--dir", project.toString()).exitCode());
        assertEquals(Files.readString(source), Files.readString(project.resolve("plugin.yaml")));
        assertTrue(Files.exists(project.resolve("src/main/java/org/acme/fromfile/FromFilePlugin.java")));
        assertTrue(Files.readString(project.resolve("src/main/java/org/acme/fromfile/FromFilePlugin.java"))
                .contains("public void parse(PluginEvent event) {"));

        CliRun withOption = run("new", "--from", source.toString(), "--capabilities", "source", "--dir", tmp.resolve("q").toString());
        assertEquals(2, withOption.exitCode());
        assertTrue(withOption.err().contains("--from takes everything from the file; drop --capabilities"), withOption.err());
        CliRun otherName = run("new", "other", "--from", source.toString(), "--dir", tmp.resolve("r").toString());
        assertTrue(otherName.err().contains("NAME other differs from the name from-file in"), otherName.err());
        Files.writeString(source, Files.readString(source).replace("version: 2.0.0", "version: two"));
        CliRun invalid = run("new", "--from", source.toString(), "--dir", tmp.resolve("s").toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains(source + ":3:10: version 'two' is not valid"), invalid.err());
        assertFalse(Files.exists(tmp.resolve("s")));
    }

    @Test
    void forceMovesAnOccupiedDirectoryAsideAndWithoutANameOffATerminalNothingIsAsked(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(project.resolve("notes.txt"), "mine");
        CliRun forced = run("new", "demo", "--force", "--dir", project.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.out().contains("moved the existing " + project + " to " + project + ".previous"), forced.out());
        assertEquals("mine", Files.readString(tmp.resolve("taken.previous/notes.txt")));
        assertTrue(Files.exists(project.resolve("plugin.yaml")));

        CliRun noName = run("new", "--dir", tmp.resolve("x").toString());
        assertEquals(2, noName.exitCode());
        assertTrue(noName.err().contains("NAME is required (or --from plugin.yaml); new only asks on a terminal"), noName.err());
    }
}
