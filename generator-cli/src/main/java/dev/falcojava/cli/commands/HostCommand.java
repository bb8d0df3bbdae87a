package dev.falcojava.cli.commands;

import dev.falcojava.cli.CliException;
import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.BuildException;
import dev.falcojava.cli.building.TestHostBinary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code falco-plugin host}: the strict native test host that ships in the CLI, compiled on first use, run with the
 * arguments as given; its exit code is the command's. Picocli passes unknown options through as parameters (see
 * {@link dev.falcojava.cli.FalcoPluginCli#commandLine()}).
 */
@Command(name = "host",
        description = "Run the strict native test host on plugin libraries: it loads each the way libsinsp does"
                + " and fails with FAIL: and exit 1 where Falco would. Every option is the host's own (docs/testing.md);"
                + " without arguments the host prints its usage. Compiled with gcc on first use, cached in"
                + " $XDG_CACHE_HOME/falco-plugin/host (default ~/.cache/falco-plugin/host).",
        footer = {"", "Examples:",
                "  falco-plugin host target/libmy-plugin.so --events 5 --fields my.count",
                "  falco-plugin host --metadata-only target/libmy-plugin.so"})
public final class HostCommand extends BaseCommand {

    @Parameters(paramLabel = "ARGUMENT", arity = "0..*", description = "Plugin libraries (lib<name>.so) and host options.")
    private List<String> arguments = List.of();

    @Override
    public Integer call() throws BuildException {
        Path binary = TestHostBinary.ensure(System.getenv(), err());
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        arguments.stream().map(HostCommand::asLibraryPath).forEach(command::add);
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw CliException.failed("cannot run " + binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.BUILD_FAILED;
        }
    }

    /** dlopen looks for a bare file name on the library path, not in the current directory, so it gets a "./". */
    private static String asLibraryPath(String argument) {
        return argument.endsWith(".so") && !argument.contains("/") && Files.isRegularFile(Path.of(argument))
                ? "./" + argument : argument;
    }
}
