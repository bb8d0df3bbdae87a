package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin with a bundled runtime runs on a host with no JDK: its plugin artifact, unpacked as falcoctl would, is run
 * by the native host in a private mount namespace where /usr/lib/jvm and the build JDK are empty mounts and neither
 * JAVA_HOME nor FALCO_PLUGIN_JAVA_HOME is set. Two bundled plugins share one JVM: the first starts it, the other joins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledRuntimeEndToEndTest {

    private GeneratedProjects projects;
    private Path buildJdk;
    private Path first;
    private Path second;
    private String firstBuildOutput;

    @BeforeAll
    void buildTwoBundledPlugins() throws Exception {
        projects = new GeneratedProjects("bundled-");
        buildJdk = projects.jdk().toRealPath();
        Path firstProject = newProject("first");
        Path descriptor = firstProject.resolve("plugin.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("jvm:\n", "jvm:\n  runtime: bundled\n"));
        firstBuildOutput = build(firstProject);
        Path secondProject = newProject("second");
        descriptor = secondProject.resolve("plugin.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("jvm:\n", "jvm:\n  modules: [java.net.http]\n"));
        Path pom = secondProject.resolve("pom.xml");
        Files.writeString(pom, pomOfThePreviousRelease(Files.readString(pom)));
        String secondBuildOutput = build(secondProject, "--bundle-runtime"); // a pom from before falco.runtime
        assertThat(secondBuildOutput)
                .contains("bundled runtime " + secondProject.resolve("target/libsecond.jre")
                + " (java.base,java.logging,java.net.http; ");

        Path dist = DistArtifacts.packageAndCheck(firstProject, "first", "0.1.0", true);
        first = projects.work().resolve("host-first");
        DistArtifacts.unpack(dist.resolve("first-0.1.0-linux-" + DistArtifacts.machine() + ".tar.gz"), first);
        second = projects.work().resolve("host-second");
        Files.createDirectories(second);
        Files.copy(secondProject.resolve("target/libsecond.so"), second.resolve("libsecond.so"));
        DistArtifacts.unpack(DistArtifacts.packageAndCheck(secondProject, "second", "0.1.0", true)
                .resolve("second-0.1.0-linux-" + DistArtifacts.machine() + ".tar.gz"), second);
    }

    @Test
    void theRuntimeIsMinimalStrippedAndItsSizeIsPrinted() throws Exception {
        Path runtime = first.resolve("libfirst.jre");
        assertThat(Files.readString(runtime.resolve("release"))).as(() -> "the SDK routes java.util.logging, so jdeps finds java.logging")
                .contains("MODULES=\"java.base java.logging\"");
        assertTrue(Files.isRegularFile(runtime.resolve("lib/server/libjvm.so")));
        assertFalse(Files.exists(runtime.resolve("include")), "no header files");
        assertFalse(Files.exists(runtime.resolve("man")), "no man pages");
        assertTrue(firstBuildOutput.matches("(?s).*bundled runtime \\S+/target/libfirst\\.jre \\(java\\.base,java\\.logging; [0-9.]+ MB, [0-9]+ bytes\\).*"),
                firstBuildOutput);
        String secondModules = Files.readString(second.resolve("libsecond.jre/release"));
        assertThat(secondModules).contains("java.logging");
        assertThat(secondModules).contains("java.net.http");
        Path license = second.resolve("libsecond.jre/legal/java.net.http/LICENSE");
        assertTrue(Files.isRegularFile(license, LinkOption.NOFOLLOW_LINKS) && Files.size(license) > 0,
                "jlink's link to java.base's license is archived as a file: " + license);
    }

    @Test
    void theUnpackedArtifactRunsWhereNoJdkIsInstalled() throws Exception {
        NativeHost.Run run = withoutJdk("--events", "3", "--cycles", "2", first.resolve("libfirst.so").toString());
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).startsWith("no JDK visible\n");
        assertThat(run.stdout()).contains("  first.message = \"first event 3\"\n");
        assertThat(run.stdout()).contains("  first.even = true\n");
        assertThat(run.stdout()).as("the AOT cache trained with the bundled runtime, unpacked beside it, is used")
                .doesNotContain("the AOT cache is not used");
        assertThat(run.stderr())
                .contains("plugin first: started the Java runtime at " + first.resolve("libfirst.jre")
                + " (bundled runtime); Java plugins loaded later join it\n");
    }

    @Test
    void withoutItsRuntimeInitFailsListingEveryPlaceLookedAt() throws Exception {
        Path alone = projects.work().resolve("host-alone");
        Files.createDirectories(alone);
        Files.copy(first.resolve("libfirst.so"), alone.resolve("libfirst.so"));
        NativeHost.Run run = withoutJdk("--expect-init-failure", alone.resolve("libfirst.so").toString());
        assertEquals(0, run.exitCode(), run.describe());
        Path runtime = alone.resolve("libfirst.jre");
        assertThat(run.stdout())
                .contains("no Java runtime found (Java 25 or newer is needed; install libfirst.jre beside "
                + "the library, or set FALCO_PLUGIN_JAVA_HOME to a JDK home). Looked at bundled runtime=" + runtime
                + ": no " + runtime + "/lib/server/libjvm.so; plugin.yaml jvm.java-home: not set; FALCO_PLUGIN_JAVA_HOME: "
                + "not set; JAVA_HOME: not set; JDK used at build time=" + projects.jdk() + ": no " + projects.jdk()
                + "/lib/server/libjvm.so");
    }

    @Test
    void theSecondBundledPluginJoinsTheJvmOfTheFirst() throws Exception {
        NativeHost.Run run = withoutJdk("--events", "2", "--cycles", "2", second.resolve("libsecond.so").toString(),
                first.resolve("libfirst.so").toString());
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("  second.message = \"second event 2\"\n");
        assertThat(run.stdout()).contains("  first.message = \"first event 2\"\n");
        assertThat(run.stderr())
                .contains("plugin second: started the Java runtime at " + second.resolve("libsecond.jre"));
        assertThat(run.stderr())
                .contains("plugin first: joined the Java runtime at " + second.resolve("libsecond.jre")
                + " started by plugin second (one JVM per process); its own bundled runtime libfirst.jre is not used\n");
    }

    @Test
    void aPluginJoiningARuntimeWithoutItsModulesIsRefusedWithTheirNames() throws Exception {
        NativeHost.Run run = withoutJdk("--events", "1", "--cycles", "1", "--with", second.resolve("libsecond.so").toString(),
                first.resolve("libfirst.so").toString());
        assertNotEquals(0, run.exitCode(), run.describe());
        assertThat(run.stderr())
                .contains("FAIL: could not initialize the --with plugin: the Java runtime at "
                + first.resolve("libfirst.jre") + ", started by plugin first, lacks the module(s) java.net.http that this "
                + "plugin needs");
    }

    /**
     * The host in a private mount namespace: /usr/lib/jvm and the build JDK's folder hidden under empty mounts,
     * JAVA_HOME and FALCO_PLUGIN_JAVA_HOME unset; it prints "no JDK visible" once it has checked that.
     */
    private NativeHost.Run withoutJdk(String... hostArguments) throws Exception {
        String script = "mount -t tmpfs none \"$1\" && mount -t tmpfs none /usr/lib/jvm"
                + " && test -z \"$(ls -A /usr/lib/jvm)\" && test ! -e \"$1/lib/server/libjvm.so\""
                + " && echo 'no JDK visible' && shift && exec \"$@\"";
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "env", "-u", "JAVA_HOME", "-u",
                "FALCO_PLUGIN_JAVA_HOME", "sh", "-c", script, "sh", buildJdk.toString(), NativeHost.binary().toString()));
        command.addAll(List.of(hostArguments));
        return NativeHost.run(command, Map.of());
    }

    /**
     * {@code pom} as the previous release generated it: no falco.runtime property, and the exec-maven-plugin steps
     * (taken from the upgrade command's fixture, a pom of that release) instead of falco-plugin-maven-plugin's goals.
     */
    private static String pomOfThePreviousRelease(String pom) throws Exception {
        String fixture = Files.readString(FalcoPluginCli.REPO_ROOT.resolve(
                "generator-cli/src/test/resources/dev/falcojava/cli/editing/exec-steps-pom.xml"));
        Matcher exec = Pattern.compile("(?s)      <plugin>\\n        <!-- The falco-plugin steps.*?exec-maven-plugin.*?\\n      </plugin>\\n")
                .matcher(fixture);
        assertTrue(exec.find(), fixture);
        Matcher goals = Pattern.compile("(?s)      <plugin>\\n        <!-- The falco-plugin steps.*?falco-plugin-maven-plugin.*?\\n      </plugin>\\n")
                .matcher(pom);
        assertTrue(goals.find(), pom);
        String older = pom.substring(0, goals.start()) + exec.group() + pom.substring(goals.end());
        older = older.replaceAll("(?m)^.*falco\\.runtime.*\n", "");
        assertThat(older).doesNotContain("falco.runtime");
        assertThat(older).doesNotContain("falco-plugin-maven-plugin");
        return older;
    }

    private Path newProject(String name) throws Exception {
        return projects.newProject(name);
    }

    private String build(Path project, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("build", "--shared", "--dir", project.toString()));
        arguments.addAll(List.of(options));
        FalcoPluginCli.Result built = FalcoPluginCli.run(Map.of("JAVA_HOME", projects.jdk().toString()),
                arguments.toArray(String[]::new));
        assertEquals(0, built.exitCode(), built.output());
        return built.output();
    }
}
