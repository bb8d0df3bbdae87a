package dev.falcojava.cli.building;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The C sources of the native test host, packaged in the CLI jar under {@code native-host/} (from native-host/). */
public final class TestHostSources {

    /** Every file of the host; the {@code .c} files are compiled together. */
    public static final List<String> FILES = List.of("falco_test_host.c", "host.h", "host_async.c", "host_common.c",
            "host_events.c", "host_fields.c", "host_loader.c", "host_scenarios.c", "host_leaks.c", "host_leaks.h",
            "host_tables.c", "host_tables.h", "host_table_nested.c", "host_table_store.c", "host_table_store.h",
            "host_table_dump.c", "falco_host_abi.h", "host_syscall.c", "host_syscall.h", "host_pool.c",
            "host_aot.c");

    private TestHostSources() {
    }

    /** The bytes of one file. */
    static byte[] read(String file) {
        try (InputStream in = TestHostSources.class.getResourceAsStream("/native-host/" + file)) {
            if (in == null) {
                throw new IllegalStateException("native-host/" + file + " is missing from the CLI jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every file into {@code directory}. */
    static void writeTo(Path directory) throws IOException {
        for (String file : FILES) {
            Files.write(directory.resolve(file), read(file));
        }
    }

    /** The first 12 hex digits of a SHA-256 over every file, so that a binary built from other sources is not reused. */
    static String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                sha.update(file.getBytes(StandardCharsets.UTF_8));
                sha.update(read(file));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
