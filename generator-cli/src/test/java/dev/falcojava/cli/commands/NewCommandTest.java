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

import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(outcome.out()).startsWith("created " + project);

        PluginDescriptor d = DescriptorReader.read(project.resolve("plugin.yaml"));
        assertEquals(999, d.id());
        assertEquals("my_plugin", d.source().orElseThrow().eventSource());
        assertEquals("com.example.myplugin", d.javaPackage());
        assertEquals("MyPluginPlugin", d.className());
        assertEquals(List.of(new FieldSpec("my_plugin.count", FieldType.UINT64, "The number of the event"),
                new FieldSpec("my_plugin.message", FieldType.STRING, "The event payload as text"),
                new FieldSpec("my_plugin.even", FieldType.BOOL, "Whether the event number is even")),
                d.extract().orElseThrow().fields());
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xms8m", "-XX:MaxMetaspaceSize=64m",
                "-XX:ReservedCodeCacheSize=32m", "-XX:-UsePerfData"), d.jvm().options());

        String code = "src/main/java/com/example/myplugin/";
        assertEquals(List.of(Path.of(".gitignore"), Path.of(".mvn/jvm.config"), Path.of("README.md"), Path.of("falco/falco.yaml"),
                Path.of("falco/my-plugin_rules.yaml"), Path.of("falco/registry.yaml"), Path.of("plugin.yaml"), Path.of("pom.xml"),
                Path.of("src/generated/java/com/example/myplugin/AbstractMyPluginPlugin.java"),
                Path.of("src/generated/native/plugin_glue.c"),
                Path.of(code + "MyPluginPlugin.java"), Path.of(code + "MyPluginSourceInstance.java"),
                Path.of("src/test/java/com/example/myplugin/MyPluginPluginTest.java")), filesUnder(project));

        String plugin = Files.readString(project.resolve(code + "MyPluginPlugin.java"));
        assertThat(plugin).contains("public class MyPluginPlugin extends AbstractMyPluginPlugin {");
        assertThat(plugin).contains("return new MyPluginSourceInstance(params);");
        assertThat(plugin)
                .contains("""
                    protected long extractCount(ExtractRequest request) {
                        return request.event().number();
                """);
        assertThat(plugin)
                .contains("""
                    protected String extractMessage(ExtractRequest request) {
                        return request.event().payloadAsString();
                """);
        assertThat(plugin)
                .contains("""
                    protected boolean extractEven(ExtractRequest request) {
                        return request.event().number() % 2 == 0;
                """);

        String instance = Files.readString(project.resolve(code + "MyPluginSourceInstance.java"));
        assertThat(instance).contains("batch.add(\"my-plugin event \" + next++);");
        assertThat(instance).contains("EVENTS_PER_BATCH = 4;");
        assertThat(instance).contains("DEFAULT_MAX = 10;");

        String test = Files.readString(project.resolve("src/test/java/com/example/myplugin/MyPluginPluginTest.java"));
        assertThat(test)
                .contains("@FalcoPluginTest(value = MyPluginPlugin.class, config = \"\", openParams = \"max=3\")");
        assertThat(test)
                .contains("assertEquals(List.of(2L), harness.extract(events.get(1), \"my_plugin.count\"));");
        assertThat(test)
                .contains("assertEquals(List.of(\"my-plugin event 3\"), harness.extract(events.get(2), \"my_plugin.message\"));");
        assertThat(test)
                .contains("assertEquals(List.of(true), harness.extract(events.get(1), \"my_plugin.even\"));");

        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>com.example.myplugin</groupId>");
        assertThat(pom).contains("<artifactId>my-plugin</artifactId>");
        assertThat(pom)
                .contains("""
                      <artifactId>falco-plugin-sdk-testing</artifactId>
                      <version>${falco-plugin-sdk.version}</version>
                      <scope>test</scope>
                """);
        assertThat(pom)
                .contains("<falco-plugin-sdk.version>" + dev.falcojava.cli.CliVersion.version() + "</falco-plugin-sdk.version>");
        assertThat(pom).contains("<argLine>--enable-native-access=ALL-UNNAMED</argLine>");
        assertThat(pom).contains("<source>src/generated/java</source>");
        assertThat(pom).doesNotContain("exec-maven-plugin");
        assertThat(pom)
                .contains("""
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
                """);
        assertTrue(pom.indexOf("<artifactId>maven-enforcer-plugin</artifactId>") < pom.indexOf("<artifactId>falco-plugin-maven-plugin"),
                "the JDK check comes before the steps that run the CLI:\n" + pom);
        assertTrue(pom.indexOf("<artifactId>maven-shade-plugin</artifactId>") < pom.indexOf("<artifactId>falco-plugin-maven-plugin"),
                "link, bound to package too, comes after the shade step:\n" + pom);
        assertThat(pom)
                .contains("<message>falco-plugin: this project needs JDK 25 or newer; Maven runs on Java ${java.version} at "
                + "${java.home}; set JAVA_HOME to a JDK 25 home");
        assertThat(pom).as(() -> "the SDK version is the CLI's own, filled in at CLI build time")
                .doesNotContain("${project.version}");

        String glue = Files.readString(project.resolve("src/generated/native/plugin_glue.c"));
        assertThat(glue).as(() -> "the glue names the user's plugin class")
                .contains("com.example.myplugin.MyPluginPlugin");
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
        assertEquals("4.3.0", dev.falcojava.cli.model.EventSchema.required(d),
                "an extractor of every source takes syscall events: it reports the event schema");
        assertThat(Files.readString(project.resolve("plugin.yaml"))).as(() -> "no id without the source capability")
                .doesNotContain("id:");
        assertFalse(Files.exists(project.resolve("src/main/java/org/acme/fields/FieldsSourceInstance.java")));

        String base = Files.readString(project.resolve("src/generated/java/org/acme/fields/AbstractFieldsPlugin.java"));
        assertThat(base).contains("public abstract class AbstractFieldsPlugin implements ExtractPlugin {");
        assertThat(base).doesNotContain("pluginId()");

        String test = Files.readString(project.resolve("src/test/java/org/acme/fields/FieldsPluginTest.java"));
        assertThat(test)
                .contains("assertEquals(List.of(\"hello\"), harness.extract(event, \"fields.message\"));");
        assertThat(test).doesNotContain("harness.open(");
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
        assertThat(plugin).as(() -> "the starter fields keep their working code under another prefix:\n" + plugin)
                .contains("""
                    protected long extractCount(ExtractRequest request) {
                        return request.event().number();
                """);
        String rules = Files.readString(project.resolve("falco/k8sjava_rules.yaml"));
        assertThat(rules).contains("condition: ka.count exists");
        assertThat(rules).contains("ka.message=%ka.message");
        assertThat(rules).doesNotContain("k8sjava.");
        String test = Files.readString(project.resolve("src/test/java/com/example/k8sjava/K8sjavaPluginTest.java"));
        assertThat(test).contains("harness.extract(events.get(1), \"ka.count\")");

        CliRun added = run("add-field", "ka.verb", "--type", "string", "--dir", project.toString());
        assertEquals(0, added.exitCode(), added.err());
        assertThat(Files.readString(project.resolve("src/main/java/com/example/k8sjava/K8sjavaPlugin.java")))
                .contains("protected String extractVerb(ExtractRequest request) {");

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
            assertThat(outcome.err())
                    .contains("--prefix '" + bad + "' is not a field prefix: lowercase letters, digits "
                    + "and '_', starting with a letter");
        }
        CliRun noExtract = run("new", "demo", "--capabilities", "source", "--prefix", "ka", "--dir", tmp.resolve("q").toString());
        assertEquals(2, noExtract.exitCode());
        assertThat(noExtract.err())
                .contains("--prefix names the fields of the extract capability, and --capabilities "
                + "source has none");
        Path source = Files.writeString(tmp.resolve("mine.yaml"), "name: demo\n");
        CliRun withFrom = run("new", "--from", source.toString(), "--prefix", "ka", "--dir", tmp.resolve("r").toString());
        assertEquals(2, withFrom.exitCode());
        assertThat(withFrom.err()).contains("--from takes everything from the file; drop --prefix");
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
        assertThat(outcome.err()).contains("exists and is not empty");
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
        assertThat(badName.err()).contains("plugin.yaml (from the options):2:7: name 'My Plugin' is not valid");
        assertEquals(1, badName.err().lines().filter(line -> line.startsWith("plugin.yaml")).count(),
                "one problem, not one per name derived from it:\n" + badName.err());

        CliRun badPackage = run("new", "demo", "--package", "com.class.demo", "--dir", tmp.resolve("b").toString());
        assertEquals(2, badPackage.exitCode());
        assertThat(badPackage.err()).contains("package 'com.class.demo' is not a Java package name");

        CliRun syscall = run("new", "demo", "--event-source", "syscall", "--dir", tmp.resolve("c").toString());
        assertEquals(2, syscall.exitCode());
        assertThat(syscall.err()).contains("event source 'syscall' is reserved");

        CliRun unknown = run("new", "demo", "--capabilities", "source,tables", "--dir", tmp.resolve("d").toString());
        assertEquals(2, unknown.exitCode());
        assertThat(unknown.err())
                .contains("unknown capability 'tables' (known: source, extract, parse, async, capture-listen)");

        CliRun zeroId = run("new", "demo", "--id", "0", "--dir", tmp.resolve("e").toString());
        assertEquals(2, zeroId.exitCode());
        assertThat(zeroId.err()).contains("id must be from 1 to 4294967295, not 0");

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
        assertThat(Files.readString(project.resolve("src/main/java/org/acme/fromfile/FromFilePlugin.java")))
                .contains("public void parse(PluginEvent event) {");

        CliRun withOption = run("new", "--from", source.toString(), "--capabilities", "source", "--dir", tmp.resolve("q").toString());
        assertEquals(2, withOption.exitCode());
        assertThat(withOption.err()).contains("--from takes everything from the file; drop --capabilities");
        CliRun otherName = run("new", "other", "--from", source.toString(), "--dir", tmp.resolve("r").toString());
        assertThat(otherName.err()).contains("NAME other differs from the name from-file in");
        Files.writeString(source, Files.readString(source).replace("version: 2.0.0", "version: two"));
        CliRun invalid = run("new", "--from", source.toString(), "--dir", tmp.resolve("s").toString());
        assertEquals(2, invalid.exitCode());
        assertThat(invalid.err()).contains(source + ":3:10: version 'two' is not valid");
        assertFalse(Files.exists(tmp.resolve("s")));
    }

    @Test
    void forceMovesAnOccupiedDirectoryAsideAndWithoutANameOffATerminalNothingIsAsked(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(project.resolve("notes.txt"), "mine");
        CliRun forced = run("new", "demo", "--force", "--dir", project.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertThat(forced.out()).contains("moved the existing " + project + " to " + project + ".previous");
        assertEquals("mine", Files.readString(tmp.resolve("taken.previous/notes.txt")));
        assertTrue(Files.exists(project.resolve("plugin.yaml")));

        CliRun noName = run("new", "--dir", tmp.resolve("x").toString());
        assertEquals(2, noName.exitCode());
        assertThat(noName.err())
                .contains("NAME is required (or --from plugin.yaml); new only asks on a terminal");
    }
}
