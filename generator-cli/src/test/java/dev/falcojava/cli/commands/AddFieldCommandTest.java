package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.DescriptorReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class AddFieldCommandTest extends EditedProject {

    @BeforeEach
    void aProjectWhoseUserClassAndDescriptorWereEditedByHand() throws Exception {
        newProjectEditedByHand(new String[0], """
                /* a comment of mine */
                public class DemoPlugin extends AbstractDemoPlugin {

                    // state I keep, oddly formatted on purpose
                    private   int    seen =  0 ;


                    String   helper( ) { return "x" ; }   // trailing comment
                """, "    fields:\n", "    fields:   # my fields, keep this comment\n");
    }

    @Test
    void addsTheFieldAndAStubAndKeepsEveryLineOfTheUser() throws Exception {
        String classBefore = Files.readString(userClass);
        String yamlBefore = Files.readString(descriptor);
        String out = run(0, "add-field", "demo.user_name", "--type", "string", "--desc", "The \"user\" name, 100%",
                "--dir", project.toString());
        assertThat(out).contains("added field demo.user_name (string)");

        String classAfter = Files.readString(userClass);
        EditAssertions.assertOnlyAdditions(classBefore.lines().toList(), classAfter.lines().toList());
        assertThat(classAfter)
                .contains("""
                    @Override
                    protected String extractUserName(ExtractRequest request) {
                        // TODO compute demo.user_name from request.event()
                        request.noValue();
                        return null;
                    }
                }
                """);
        String yamlAfter = Files.readString(descriptor);
        EditAssertions.assertOnlyAdditions(yamlBefore.lines().toList(), yamlAfter.lines().toList());
        assertThat(yamlAfter).contains("# my fields, keep this comment");
        assertEquals("The \"user\" name, 100%", DescriptorReader.read(descriptor).extract().orElseThrow().fields().getLast().description());
        String base = Files.readString(project.resolve("src/generated/java/com/example/demo/AbstractDemoPlugin.java"));
        assertThat(base)
                .contains("protected abstract String extractUserName(ExtractRequest request) throws Exception;");
    }

    @Test
    void addingTheSameFieldTwiceChangesNothing() throws Exception {
        run(0, "add-field", "demo.user_name", "--type", "string", "--dir", project.toString());
        assertThat(refused("add-field", "demo.user_name", "--type", "bool", "--dir", project.toString()))
                .contains("field 'demo.user_name' is declared twice");
    }

    @Test
    void aUserClassThatDoesNotParseIsLeftAsIsAndSoIsPluginYaml() throws Exception {
        breakTheUserClass();
        assertThat(refused("add-field", "demo.size", "--type", "uint64", "--dir", project.toString()))
                .contains("DemoPlugin.java cannot be parsed, so it was not changed: line 13, column 22: Parse error. Found \";\"\n");
    }

    @Test
    void aFieldOutsideThePrefixOrOfAnUnknownTypeIsRefused() throws Exception {
        assertThat(refused("add-field", "other.size", "--type", "uint64", "--dir", project.toString()))
                .contains("field 'other.size' does not start with 'demo.'");
        assertThat(refused("add-field", "demo.size", "--type", "int", "--dir", project.toString()))
                .contains("unknown field type 'int' (known: uint64, string, bool, reltime, abstime, ipaddr, ipnet)");
    }

    @Test
    void inAProjectMadeWithAPrefixFieldsTakeThatPrefixAndNotThePluginName() throws Exception {
        Path k8s = newProject("k8sjava", "--prefix", "ka");
        assertThat(run(0, "add-field", "ka.user.name", "--type", "string", "--dir", k8s.toString()))
                .contains("added field ka.user.name (string)");
        assertThat(run(2, "add-field", "k8sjava.verb", "--type", "string", "--dir", k8s.toString()))
                .contains("field 'k8sjava.verb' does not start with 'ka.'");
        assertEquals(List.of("ka.count", "ka.message", "ka.even", "ka.user.name"), fieldNames(k8s));
        assertThat(Files.readString(k8s.resolve("src/main/java/com/example/k8sjava/K8sjavaPlugin.java")))
                .contains("protected String extractUserName(ExtractRequest request) {");
    }
}
