package dev.falcojava.cli.commands;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        project = tmp.resolve("demo");
        String[] args = new String[newOptions.length + 4];
        args[0] = "new";
        args[1] = "demo";
        System.arraycopy(newOptions, 0, args, 2, newOptions.length);
        args[args.length - 2] = "--dir";
        args[args.length - 1] = project.toString();
        run(0, args);
        userClass = project.resolve("src/main/java/com/example/demo/DemoPlugin.java");
        descriptor = project.resolve("plugin.yaml");
        Files.writeString(userClass, Files.readString(userClass)
                .replace("public class DemoPlugin extends AbstractDemoPlugin {", classStart));
        Files.writeString(descriptor, Files.readString(descriptor).replace(yamlLine, yamlEdit));
    }
}
