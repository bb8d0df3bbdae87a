package dev.falcojava.cli.commands;

import dev.falcojava.cli.ExitCodes;
import dev.falcojava.cli.building.BuildException;
import dev.falcojava.cli.building.BuildTool;
import dev.falcojava.cli.building.Jdk;
import dev.falcojava.cli.building.TestHostBinary;
import dev.falcojava.cli.installation.Installation;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/** {@code falco-plugin doctor}: checks what building plugins needs, and says how to fix what is missing. */
@Command(name = "doctor",
        description = "Check the tools plugin builds need: a JDK 25 or newer with JNI headers, Maven, gcc, ar, and "
                + "the native test host (compiled with gcc and json-c on first use).")
public final class DoctorCommand extends BaseCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
        boolean healthy = true;
        Map<String, String> environment = Map.of();
        try {
            Jdk jdk = Jdk.forBuilding();
            environment = Map.of("JAVA_HOME", jdk.home().toString());
            out.println("ok    JDK " + jdk.feature() + " at " + jdk.home());
        } catch (BuildException e) {
            out.println("FAIL  JDK: " + e.getMessage());
            healthy = false;
        }
        for (BuildTool tool : BuildTool.values()) {
            try {
                out.println("ok    " + tool.label() + ": " + tool.version(environment));
            } catch (BuildException e) {
                out.println("FAIL  " + tool.label() + ": " + e.getMessage());
                healthy = false;
            }
        }
        try {
            Path host = TestHostBinary.ensure(System.getenv(), new PrintWriter(Writer.nullWriter()));
            out.println("ok    native test host (run, build's AOT training): " + host);
        } catch (BuildException e) {
            out.println("FAIL  native test host: " + e.getMessage().lines().findFirst().orElse(""));
            healthy = false;
        }
        out.println(Installation.current().describe());
        out.println(healthy ? "everything falco-plugin build needs is here" : "fix the lines marked FAIL, then run doctor again");
        return healthy ? ExitCodes.OK : ExitCodes.BUILD_FAILED;
    }
}
