package dev.falcojava.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/**
 * Regenerates src/generated (and the other derived files) from plugin.yaml, as {@code falco-plugin generate} does.
 * Your classes are never touched.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES)
public class GenerateMojo extends FalcoPluginStep {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        run("generate", List.of());
    }
}
