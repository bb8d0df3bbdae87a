package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.packaging.Distribution;
import dev.falcojava.cli.packaging.ArtifactCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/** {@code falco-plugin package}: the deployment files of a built plugin, in target/dist. */
@Command(name = "package",
        description = "Write target/dist from the built library: the plugin and rules artifacts (tarballs laid out "
                + "as falcoctl installs them), the registry.yaml entry, a Dockerfile layering them onto the Falco "
                + "image with a config.d file, and values for the falcosecurity Helm chart. The rules are checked first.",
        footer = {"", "Example:", "  falco-plugin build --shared --bundle-runtime --dir my-plugin && falco-plugin package --dir my-plugin"})
public final class PackageCommand extends ProjectCommand {

    /** The Falco release the Dockerfile starts from unless --falco-version says otherwise: the Helm chart's. */
    static final String DEFAULT_FALCO_VERSION = "0.44.1";

    @Option(names = "--falco-version", paramLabel = "TAG", defaultValue = DEFAULT_FALCO_VERSION,
            description = "The falcosecurity/falco image tag the Dockerfile starts from (default: ${DEFAULT-VALUE}).")
    private String falcoVersion;

    @Option(names = "--oci-repository", paramLabel = "REPO", defaultValue = "localhost:5000/falco-plugins",
            description = "Where the artifacts are pushed, named in the Helm values (default: ${DEFAULT-VALUE}).")
    private String ociRepository;

    @Override
    public Integer call() throws Exception {
        List<Distribution.Written> written = Distribution.write(projectDir(), descriptor(),
                new Distribution.Options(falcoVersion, ociRepository), ArtifactCheck.beforePackaging());
        for (Distribution.Written file : written) {
            out().println("wrote " + file.file() + " ("
                    + String.format(Locale.ROOT, "%.1f MB", file.bytes() / 1_000_000.0) + ", " + file.bytes() + " bytes)");
        }
        return ExitCodes.OK;
    }
}
