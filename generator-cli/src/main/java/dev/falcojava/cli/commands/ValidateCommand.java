package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** {@code falco-plugin validate}: checks a plugin.yaml and the project's rules files, each problem with its position. */
@Command(name = "validate",
        description = "Check plugin.yaml, then the rules files in falco/ beside it (as check-rules does): every problem "
                + "is reported as file:line:column: what is wrong and how to fix it.",
        footer = {"", "Examples:", "  falco-plugin validate                 # ./plugin.yaml",
                "  falco-plugin validate path/to/plugin.yaml"})
public final class ValidateCommand extends ProjectCommand {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The descriptor (default: plugin.yaml of --dir).")
    private Path file;

    @Override
    public Integer call() throws IOException {
        Path descriptorFile = file != null ? file : projectDir().resolve(ProjectContributors.DESCRIPTOR);
        try {
            PluginDescriptor d = DescriptorReader.read(descriptorFile);
            String capabilities = d.capabilities().stream().map(this::describe).collect(Collectors.joining(", "));
            out().printf("%s is valid: plugin %s %s, %s, required plugin API %s%n", descriptorFile,
                    d.name(), d.version(), capabilities, d.requiredApiVersion());
            Path projectDir = descriptorFile.toAbsolutePath().normalize().getParent();
            return CheckRulesCommand.projectRulesPass(d, projectDir, out(), err())
                    ? ExitCodes.OK : ExitCodes.USAGE;
        } catch (NoSuchFileException e) {
            throw CliException.usage("no file " + descriptorFile);
        } catch (DescriptorException e) {
            err().println(e.getMessage());
            err().printf("%d problem%s in %s%n", e.problems().size(),
                    e.problems().size() == 1 ? "" : "s", descriptorFile);
            return ExitCodes.USAGE;
        }
    }

    private String describe(Capability capability) {
        return switch (capability) {
            case Capability.Source source -> "source of '" + source.eventSource() + "' events";
            case Capability.Extract extract -> "extract (" + extract.fields().size() + " fields)";
            case Capability.Parse parse -> "parse";
            case Capability.Async async -> "async (" + String.join(", ", async.events()) + ")";
            case Capability.CaptureListen listen -> "capture-listen";
        };
    }
}
