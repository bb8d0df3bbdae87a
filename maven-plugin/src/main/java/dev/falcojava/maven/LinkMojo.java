package dev.falcojava.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * Checks target/falco-plugin-all.jar against plugin.yaml (the plugin class and its capabilities) and compiles the
 * native library around it, target/lib&lt;name&gt;.so or .a (and the bundled runtime when asked), as
 * {@code falco-plugin link} does. Bind it after the
 * shade step (same phase, declared later). The rules are the check-rules goal's.
 */
@Mojo(name = "link", defaultPhase = LifecyclePhase.PACKAGE)
public class LinkMojo extends FalcoPluginStep {

    /** The library to build: {@code declared} (plugin.yaml's linkage), {@code shared} or {@code static}. */
    @Parameter(property = "falco.linkage", defaultValue = "declared")
    private String linkage = "declared";

    /** {@code bundled}: also make the minimal Java runtime beside the library; {@code declared}: as plugin.yaml says. */
    @Parameter(property = "falco.runtime", defaultValue = "declared")
    private String runtime = "declared";

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        run("link", List.of("--linkage", linkage, "--runtime", runtime, "--no-rules-check"));
    }
}
