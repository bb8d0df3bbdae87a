package dev.falcojava.cli.building;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TestHostSourcesTest {

    private static final Path CHECKOUT_SOURCES = Path.of("../native-host");

    @Test
    void theJarCarriesExactlyTheFilesOfNativeHost() throws Exception {
        try (Stream<Path> files = Files.list(CHECKOUT_SOURCES)) {
            List<String> inCheckout = files.map(path -> path.getFileName().toString()).sorted().toList();
            assertEquals(inCheckout, TestHostSources.FILES.stream().sorted().toList());
        }
        for (String file : TestHostSources.FILES) {
            assertArrayEquals(Files.readAllBytes(CHECKOUT_SOURCES.resolve(file)), TestHostSources.read(file), file);
        }
    }
}
