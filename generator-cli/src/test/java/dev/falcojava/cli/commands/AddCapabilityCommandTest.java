package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class AddCapabilityCommandTest extends EditedProject {

    @BeforeEach
    void anExtractOnlyProjectEditedByHand() throws Exception {
        newProjectEditedByHand(new String[] {"--capabilities", "extract"}, """
                /* a comment of mine */
                public class DemoPlugin extends AbstractDemoPlugin {

                    // state I keep, oddly formatted on purpose
                    private   int    seen =  0 ;
                """, "capabilities:\n", "capabilities:   # keep me\n");
    }

    @Test
    void addsEachCapabilityToTheDescriptorAndStubsToTheClassKeepingEveryLine() throws Exception {
        String classBefore = Files.readString(userClass);
        String yamlBefore = Files.readString(descriptor);
        for (String capability : List.of("parse", "async", "capture-listen", "source")) {
            String out = run(0, "add-capability", capability, "--dir", project.toString());
            assertThat(out).contains("added " + capability + " to ");
        }
        String classAfter = Files.readString(userClass);
        EditAssertions.assertOnlyAdditions(classBefore.lines().toList(), classAfter.lines().toList());
        EditAssertions.assertOnlyAdditions(yamlBefore.lines().toList(), Files.readString(descriptor).lines().toList());
        assertThat(classAfter)
                .contains("""

                    @Override
                    public void parse(PluginEvent event) {
                """);
        assertThat(classAfter).contains("public void startAsync(AsyncEvents events) {");
        assertThat(classAfter).contains("events.push(\"demo_tick\", \"tick \" + ++n);");
        assertThat(classAfter).contains("public void captureOpened(ThreadPool pool) {");
        assertThat(classAfter).contains("import dev.falcojava.sdk.api.ThreadPool;\n");
        assertThat(classAfter).contains("return new DemoSourceInstance(params);");
        assertThat(classAfter).contains("import dev.falcojava.sdk.api.PluginEvent;\n");
        assertTrue(Files.exists(userClass.resolveSibling("DemoSourceInstance.java")));

        PluginDescriptor after = DescriptorReader.read(descriptor);
        assertEquals(List.of("extract", "parse", "async", "capture-listen", "source"),
                after.capabilities().stream().map(Capability::key).toList());
        assertEquals(999, after.id());
        assertEquals("3.7.0", after.requiredApiVersion());
        String base = Files.readString(project.resolve("src/generated/java/com/example/demo/AbstractDemoPlugin.java"));
        assertThat(base)
                .contains("implements SourcePlugin, ExtractPlugin, ParsePlugin, AsyncPlugin, CaptureListener {");
    }

    @Test
    void aCapabilityAlreadyDeclaredChangesNothing() throws Exception {
        run(0, "add-capability", "async", "--events", "alert,heartbeat", "--dir", project.toString());
        String classBefore = Files.readString(userClass);
        String yamlBefore = Files.readString(descriptor);
        String out = run(0, "add-capability", "async", "--dir", project.toString());
        assertThat(out).contains("already declares async; nothing was changed");
        assertEquals(classBefore, Files.readString(userClass));
        assertEquals(yamlBefore, Files.readString(descriptor));
        assertEquals(List.of("alert", "heartbeat"), DescriptorReader.read(descriptor).async().orElseThrow().events());
    }

    @Test
    void anUnparseableClassOrAnUnknownCapabilityChangesNothing() throws Exception {
        breakTheUserClass();
        assertThat(refused("add-capability", "parse", "--dir", project.toString()))
                .contains("DemoPlugin.java cannot be parsed, so it was not changed: line 12, column");
        assertThat(refused("add-capability", "tables", "--dir", project.toString()))
                .contains("unknown capability 'tables' (known: source, extract, parse, async, capture-listen)");
        assertThat(refused("add-capability", "parse", "--events", "x", "--dir", project.toString()))
                .contains("--events is for the async capability");
    }

    @Test
    void extractAddedLaterTakesThePrefixOptionAndOnlyExtractTakesIt() throws Exception {
        Path source = newProject("k8sjava", "--capabilities", "source");
        assertThat(run(2, "add-capability", "parse", "--prefix", "ka", "--dir", source.toString()))
                .contains("--prefix is for the extract capability");
        assertThat(run(2, "add-capability", "extract", "--prefix", "K8s", "--dir", source.toString()))
                .contains("--prefix 'K8s' is not a field prefix");
        run(0, "add-capability", "extract", "--prefix", "ka", "--dir", source.toString());
        assertEquals(List.of("ka.count", "ka.message", "ka.even"), fieldNames(source));
        run(0, "add-field", "ka.verb", "--type", "string", "--dir", source.toString());
    }
}
