package dev.falcojava.it.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The native test host (native-host/ at the top of the checkout, the same sources {@code falco-plugin host} ships),
 * compiled once per test run with gcc, and the runs of it that tests make.
 */
public final class NativeHost {

    private static final Path HOST_SOURCES = Path.of(System.getProperty("falco.hostSources", "../native-host"));
    private static final Path BUILD = Path.of(System.getProperty("falco.buildDir", "target"));
    private static final long TIMEOUT_SECONDS = 300;

    private static Path binary;

    private NativeHost() {
    }

    /**
     * What one run of the host did.
     *
     * @param exitCode its exit code (a signal shows as 128 + the signal number)
     * @param stdout   what it printed: metadata, events, fields
     * @param stderr   its failures, each on a line starting with {@code FAIL: }
     */
    public record Run(int exitCode, String stdout, String stderr) {

        /** Everything, for assertion messages. */
        public String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** The host binary, compiled on first use. */
    public static synchronized Path binary() throws IOException, InterruptedException {
        if (binary == null) {
            binary = compileHost(BUILD.resolve("native-host/falco-test-host").toAbsolutePath(), List.of());
        }
        return binary;
    }

    /**
     * A host with statically linked plugins: {@code registration} is a C file defining
     * {@code host_static_plugins[]} (name and API struct of each plugin, NULL-terminated); {@code extra} are the
     * include directories ({@code -I...}) and archives it needs.
     */
    public static Path compileStaticHost(Path out, Path registration, List<String> extra)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-DFALCO_HOST_STATIC", registration.toString()));
        arguments.addAll(extra);
        return compileHost(out, arguments);
    }

    /** The host built with AddressSanitizer, which fails a run that touches freed memory; compiled on every call. */
    public static Path compileAddressSanitizedHost(Path out) throws IOException, InterruptedException {
        return compileHost(out, List.of("-g", "-fsanitize=address", "-fno-omit-frame-pointer"));
    }

    private static Path compileHost(Path out, List<String> extra) throws IOException, InterruptedException {
        Files.createDirectories(out.getParent());
        List<String> command = new ArrayList<>(List.of("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", out.toString()));
        try (var files = Files.list(HOST_SOURCES)) {
            files.map(Path::toString).filter(name -> name.endsWith(".c")).sorted().forEach(command::add);
        }
        command.addAll(extra);
        command.addAll(List.of("-ldl", "-lpthread", "-ljson-c"));
        compile(command);
        return out;
    }

    /**
     * Compiles a C plugin into a shared library with extra gcc arguments (for example -D flags); it may include
     * the host's declarations of the plugin API types, {@code falco_host_abi.h}.
     */
    public static Path compileLibrary(Path source, Path library, String... flags) throws IOException, InterruptedException {
        Files.createDirectories(library.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC",
                "-fvisibility=hidden", "-I" + HOST_SOURCES));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", library.toString(), source.toString()));
        compile(command);
        return library;
    }

    /** Compiles a C program of the tests into an executable. */
    public static Path compileProgram(Path source, Path program) throws IOException, InterruptedException {
        Files.createDirectories(program.toAbsolutePath().getParent());
        compile(List.of("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", program.toString(), source.toString()));
        return program;
    }

    /** Runs the host on {@code library} with {@code arguments}, adding {@code environment} to its environment. */
    public static Run run(Path library, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(arguments));
        command.add(library.toString());
        return run(command, environment);
    }

    /** Runs {@code command} (a host binary, its arguments and plugins), adding {@code environment}. */
    public static Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("FALCO_PLUGIN_JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = read(process.getInputStream());
        CompletableFuture<String> stderr = read(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the native host did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.exitValue(), stdout.join(), stderr.join());
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void compile(List<String> command) throws IOException, InterruptedException {
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc failed: " + String.join(" ", command) + "\n" + output);
        }
    }
}
