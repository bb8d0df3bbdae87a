package dev.falcojava.cli.building;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The C sources the generated glue includes and that are the same for every plugin, packaged in the CLI jar: the
 * plugin API header (from native-host/, shared with the test host) and the glue runtime (templates/native/runtime/).
 * The build writes them into an include directory of its own, {@code target/native/include}.
 */
public final class GlueRuntime {

    /** The plugin API header, by its name in the include directory. */
    public static final String ABI_HEADER = "falco_host_abi.h";
    /** The files of the glue runtime, by their names in {@code runtime/} of the include directory. */
    public static final List<String> FILES = List.of("fjp_runtime.h", "fjp_jvm.c", "fjp_jar.c", "fjp_loader.c", "fjp_boot.c");

    private GlueRuntime() {
    }

    /** Writes the header and the runtime into {@code directory}, which becomes the glue's include directory. */
    public static void writeTo(Path directory) throws BuildException {
        try {
            Files.createDirectories(directory.resolve("runtime"));
            Files.write(directory.resolve(ABI_HEADER), read("/native-host/" + ABI_HEADER));
            for (String file : FILES) {
                Files.write(directory.resolve("runtime").resolve(file), read("/templates/native/runtime/" + file));
            }
        } catch (IOException e) {
            throw new BuildException("cannot write the glue runtime into " + directory + ": " + e.getMessage());
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = GlueRuntime.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the CLI jar");
            }
            return in.readAllBytes();
        }
    }
}
