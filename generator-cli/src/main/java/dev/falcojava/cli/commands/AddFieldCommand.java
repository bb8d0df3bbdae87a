package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.editing.ProjectEditor;
import dev.falcojava.cli.model.FieldArg;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.FieldType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code falco-plugin add-field}: declares a field in plugin.yaml (keeping its comments and order), adds the stub of
 * its extract method to the user's class (keeping every line of it), and regenerates the derived code.
 */
@Command(name = "add-field",
        description = "Add an extraction field: plugin.yaml, a stub in your plugin class, and the regenerated base class.",
        footer = {"", "Example:", "  falco-plugin add-field demo.user --type string --desc \"The user name\""})
public final class AddFieldCommand extends ProjectCommand {

    @Parameters(paramLabel = "NAME", description = "The field name, with the prefix of the plugin's other fields.")
    private String name;

    @Option(names = "--type", required = true, paramLabel = "TYPE", completionCandidates = OptionTypes.FieldTypes.class,
            description = "${COMPLETION-CANDIDATES}.")
    private FieldType type;

    @Option(names = "--list", description = "The field has a list of values.")
    private boolean list;

    @Option(names = "--arg", paramLabel = "KIND", completionCandidates = OptionTypes.FieldArgs.class,
            description = "The field takes an argument: ${COMPLETION-CANDIDATES}; index as in field[2], key as in field[name].")
    private FieldArg arg = FieldArg.NONE;

    @Option(names = "--required", description = "The argument must be given.")
    private boolean required;

    @Option(names = "--desc", paramLabel = "TEXT", description = "What the field means (default: \"The NAME field\").")
    private String description;

    @Override
    public Integer call() throws Exception {
        if (required && arg == FieldArg.NONE) {
            throw CliException.usage("--required needs --arg index or --arg key");
        }
        String text = description != null ? description : "The " + name + " field";
        FieldSpec declared = new FieldSpec(name, type, list, arg, required, "", List.of(), false, text);
        ProjectEditor.FieldAdded added = new ProjectEditor(projectDir(), CliVersion.projectVersions())
                .addField(descriptor(), declared);
        out().printf("added field %s (%s) to %s, and %s() to %s: implement it there%n", name, type.yamlName(),
                added.descriptor(), added.method(), added.userClass());
        return ExitCodes.OK;
    }
}
