package dev.falcojava.cli.building;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class JdkTest {

    @Test
    void theFeatureReleaseIsReadFromTheReleaseFile(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertEquals(Optional.of(25), Jdk.feature(home));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");
        assertEquals(Optional.of(17), Jdk.feature(home));
    }

    @Test
    void aHomeWithoutReleaseFileHasNoFeatureRelease(@TempDir Path home) {
        assertEquals(Optional.empty(), Jdk.feature(home));
    }

    @Test
    void theBuildingJdkIsAJdk25WithHeaders() throws Exception {
        Jdk jdk = Jdk.forBuilding();
        assertTrue(Jdk.feature(jdk.home()).orElse(0) >= Jdk.MIN_FEATURE, jdk.home().toString());
        assertTrue(Files.isRegularFile(jdk.include().resolve("jni.h")), jdk.home().toString());
    }
}
