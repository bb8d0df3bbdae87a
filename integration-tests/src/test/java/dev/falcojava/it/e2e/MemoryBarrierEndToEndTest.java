package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The glue starts the JVM with -XX:+UseSystemMemoryBarrier when the kernel has membarrier's private expedited
 * command (each call from the host then goes without a memory fence), leaves it out otherwise (the JVM would print
 * a warning on stdout), and leaves the choice to any option that names the flag. The JVM's own verdict is read
 * from -Xlog:os=info written to a file.
 */
class MemoryBarrierEndToEndTest {

    private static final String USED = "Using MEMBARRIER PRIVATE_EXPEDITED";

    private static Path library;
    private static Path osLog;

    @BeforeAll
    static void buildPlugin() throws Exception {
        GeneratedProjects projects = new GeneratedProjects("barrier-");
        osLog = projects.work().resolve("os.log");
        library = projects.newAndBuild("fenced", List.of(), project -> { }).resolve("target/libfenced.so");
    }

    /** What membarrier(MEMBARRIER_CMD_QUERY) says of the private expedited command and its registration. */
    private static boolean kernelHasPrivateExpedited() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle syscall = linker.downcallHandle(linker.defaultLookup().find("syscall").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(1));
        long sysMembarrier = 324;
        long supported = (long) syscall.invokeExact(sysMembarrier, 0, 0);
        long privateExpeditedAndRegister = (1 << 3) | (1 << 4);
        return supported >= 0 && (supported & privateExpeditedAndRegister) == privateExpeditedAndRegister;
    }

    private static String runLoggingOs(String moreOptions) throws Exception {
        Files.deleteIfExists(osLog);
        NativeHost.Run run = NativeHost.run(library,
                Map.of("JAVA_TOOL_OPTIONS", (moreOptions + " -Xlog:os=info:file=" + osLog).strip()),
                "--cycles", "1", "--events", "3");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe).contains("  fenced.count = 3")
                .doesNotContain("UseSystemMemoryBarrier").doesNotContain("[warning]");
        return Files.readString(osLog);
    }

    @Test
    void theJvmUsesTheSystemMemoryBarrierExactlyWhenTheKernelHasIt() throws Throwable {
        String log = runLoggingOs("");
        if (kernelHasPrivateExpedited()) {
            assertThat(log).contains(USED);
        } else {
            assertThat(log).doesNotContain(USED);
        }
    }

    @Test
    void anOptionNamingTheFlagDecides() throws Throwable {
        assertThat(runLoggingOs("-XX:-UseSystemMemoryBarrier")).doesNotContain(USED);
    }
}
