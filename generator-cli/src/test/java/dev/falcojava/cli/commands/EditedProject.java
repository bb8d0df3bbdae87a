package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.FieldSpec;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A project made by {@code new demo} whose user class and plugin.yaml were then edited by hand, for the edit commands. */
abstract class EditedProject {

    @TempDir
    Path tmp;
    Path project;
    Path userClass;
    Path descriptor;

    static String run(int expectedExit, String... args) {
        return CliRun.expecting(expectedExit, args);
    }

    /**
     * Runs {@code new demo} with {@code newOptions}, then puts {@code classStart} in place of the class declaration
     * line of the user class and replaces {@code yamlLine} by {@code yamlEdit} in plugin.yaml.
     */
    void newProjectEditedByHand(String[] newOptions, String classStart, String yamlLine, String yamlEdit) throws IOException {
        project = newProject("demo", newOptions);
        userClass = project.resolve("src/main/java/com/example/demo/DemoPlugin.java");
        descriptor = project.resolve("plugin.yaml");
        Files.writeString(userClass, Files.readString(userClass)
                .replace("public class DemoPlugin extends AbstractDemoPlugin {", classStart));
        Files.writeString(descriptor, Files.readString(descriptor).replace(yamlLine, yamlEdit));
    }

    /** Runs the command {@code args}, which must fail (exit 2) leaving the user class and plugin.yaml as they were. */
    String refused(String... args) throws IOException {
        String classBefore = Files.readString(userClass);
        String yamlBefore = Files.readString(descriptor);
        String out = run(2, args);
        assertEquals(classBefore, Files.readString(userClass), "the user class");
        assertEquals(yamlBefore, Files.readString(descriptor), "plugin.yaml");
        return out;
    }

    /** Breaks the syntax of the user class on the line of its field {@code seen}. */
    void breakTheUserClass() throws IOException {
        Files.writeString(userClass, Files.readString(userClass).replace("private   int    seen =  0 ;", "private int seen = ;"));
    }

    /** {@code new NAME [newOptions] --dir tmp/NAME}: the new project. */
    Path newProject(String name, String... newOptions) {
        Path dir = tmp.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("new", name));
        args.addAll(List.of(newOptions));
        args.addAll(List.of("--dir", dir.toString()));
        run(0, args.toArray(String[]::new));
        return dir;
    }

    /** The names of the fields the plugin.yaml of {@code project} declares. */
    static List<String> fieldNames(Path project) throws IOException, DescriptorException {
        return DescriptorReader.read(project.resolve("plugin.yaml")).extract().orElseThrow().fields().stream()
                .map(FieldSpec::name).toList();
    }
}
