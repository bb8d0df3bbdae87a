package dev.falcojava.maven;

import dev.falcojava.cli.rules.RulesCheck;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks Falco rules files against plugin.yaml as Falco compiles them, as {@code falco-plugin check-rules} does: a
 * rule Falco would refuse fails the build before anything is compiled. A project without rules files passes.
 */
@Mojo(name = "check-rules", defaultPhase = LifecyclePhase.PROCESS_RESOURCES)
public class CheckRulesMojo extends FalcoPluginStep {

    /** The rules files, loaded in this order; by default the rules files in falco/. */
    @Parameter
    private List<File> rulesFiles = new ArrayList<>();

    /** Also list the fields that could not be checked (those of other plugins). */
    @Parameter(property = "falco.rules.notes", defaultValue = "false")
    private boolean notes;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> arguments = new ArrayList<>();
        if (notes) {
            arguments.add("--notes");
        }
        if (rulesFiles.isEmpty() && noProjectRulesFiles()) {
            getLog().info("no rules files in " + projectDir().resolve("falco") + ": nothing to check");
            return;
        }
        for (File file : rulesFiles) {
            arguments.add(file.getAbsolutePath());
        }
        run("check-rules", arguments);
    }

    private boolean noProjectRulesFiles() throws MojoExecutionException {
        try {
            return RulesCheck.projectRulesFiles(projectDir()).isEmpty();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the rules files in " + projectDir().resolve("falco"), e);
        }
    }
}
