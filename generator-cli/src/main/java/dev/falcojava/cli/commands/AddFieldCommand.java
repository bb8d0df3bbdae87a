package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.DescriptorEditor;
import dev.falcojava.cli.editing.EditException;
import dev.falcojava.cli.editing.UserClassEditor;
import dev.falcojava.cli.generation.AtomicFiles;
import dev.falcojava.cli.generation.FieldView;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.generation.ProjectModelFactory;
import dev.falcojava.cli.generation.TemplateRenderer;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.FieldArg;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.FieldType;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code falco-plugin add-field}: declares a field in plugin.yaml (keeping its comments and order), adds the stub of
 * its extract method to the user's class (keeping every line of it), and regenerates the derived code.
 */
@Command(name = "add-field", mixinStandardHelpOptions = true,
        description = "Add an extraction field: plugin.yaml, a stub in your plugin class, and the regenerated base class.",
        footer = {"", "Example:", "  falco-plugin add-field demo.user --type string --desc \"The user name\""})
public final class AddFieldCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The field name, with the prefix of the plugin's other fields.")
    private String name;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "uint64, string, bool, reltime, abstime, ipaddr or ipnet.")
    private String type;

    @Option(names = "--list", description = "The field has a list of values.")
    private boolean list;

    @Option(names = "--arg", paramLabel = "KIND", description = "The field takes an argument: index (field[2]) or key (field[name]).")
    private String arg;

    @Option(names = "--required", description = "The argument must be given.")
    private boolean required;

    @Option(names = "--desc", paramLabel = "TEXT", description = "What the field means (default: \"The NAME field\").")
    private String description;

    @Mixin
    private ProjectDirOption project;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.projectDir();
        Path descriptorFile = dir.resolve(ProjectContributors.DESCRIPTOR);
        TemplateRenderer renderer = new TemplateRenderer();
        try {
            PluginDescriptor before = DescriptorReader.read(descriptorFile);
            if (before.extract().isEmpty()) {
                throw new EditException("the plugin has no extract capability; add it to plugin.yaml first");
            }
            FieldType fieldType = FieldType.fromYaml(type).orElseThrow(() ->
                    new EditException("unknown field type '" + type + "' (known: " + FieldType.known() + ")"));
            FieldArg fieldArg = arg == null ? FieldArg.NONE : FieldArg.fromYaml(arg).filter(a -> a != FieldArg.NONE)
                    .orElseThrow(() -> new EditException("--arg must be index or key, not '" + arg + "'"));
            if (required && fieldArg == FieldArg.NONE) {
                throw new EditException("--required needs --arg index or --arg key");
            }
            String text = description != null ? description : "The " + name + " field";
            FieldSpec declared = new FieldSpec(name, fieldType, list, fieldArg, required, "", java.util.List.of(), false, text);
            String yaml = new DescriptorEditor(renderer).addField(Files.readString(descriptorFile),
                    ProjectModelFactory.yamlField(declared));
            PluginDescriptor after = DescriptorReader.parse(yaml, descriptorFile.toString());
            ProjectModel model = new ProjectModelFactory(CliVersion.projectVersions()).create(after);
            FieldView field = model.fields().getLast();
            Path userClass = dir.resolve("src/main/java").resolve(model.packagePath()).resolve(model.className() + ".java");
            String source = UserClassEditor.addMethod(Files.readString(userClass), userClass.toString(), model.className(),
                    renderer.render("java/ExtractMethod.java.mustache", field), "dev.falcojava.sdk.api.ExtractRequest",
                    list ? "java.util.List" : null, fieldType.importName());
            AtomicFiles.write(descriptorFile, yaml);
            AtomicFiles.write(userClass, source);
            new ProjectGenerator(CliVersion.projectVersions()).regenerate(after, dir);
            spec.commandLine().getOut().printf("added field %s (%s) to %s, and %s() to %s: implement it there%n", name,
                    fieldType.yamlName(), descriptorFile, field.method(), userClass);
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("falco-plugin add-field: no " + e.getFile() + "; nothing was changed");
            return ExitCodes.USAGE;
        } catch (DescriptorException e) {
            spec.commandLine().getErr().println("falco-plugin add-field: the field cannot be added, nothing was changed:\n"
                    + e.getMessage());
            return ExitCodes.USAGE;
        } catch (EditException e) {
            spec.commandLine().getErr().println("falco-plugin add-field: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
