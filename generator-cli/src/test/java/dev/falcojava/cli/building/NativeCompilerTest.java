package dev.falcojava.cli.building;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class NativeCompilerTest {

    @Test
    void aPlainPathBecomesACStringLiteralWithItsQuotes() throws Exception {
        assertEquals("\"/opt/jdk-25/lib dir/é\"", NativeCompiler.cStringLiteral(Path.of("/opt/jdk-25/lib dir/é")));
    }

    @Test
    void pathsThatCannotBeEmbeddedAreRefusedWithTheReason() {
        for (String path : new String[] {"/tmp/q\"uote", "/tmp/back\\slash", "/tmp/line\nbreak"}) {
            BuildException e = assertThrows(BuildException.class, () -> NativeCompiler.cStringLiteral(Path.of(path)));
            assertThat(e.getMessage()).contains("contains a quote, backslash or line break");
        }
    }

    @Test
    void aProjectWhosePathCannotBeEmbeddedIsRefusedBeforeAnyBuildStep() {
        Jdk jdk = new Jdk(Path.of("/opt/jdk"));
        BuildException e = assertThrows(BuildException.class, () -> NativeCompiler.checkEmbeddable(Path.of("/tmp/my\"plugin"), jdk));
        assertThat(e.getMessage()).contains("/tmp/my\"plugin/target/falco-plugin-all.jar contains a quote");
        assertDoesNotThrow(() -> NativeCompiler.checkEmbeddable(Path.of("/tmp/plugin"), jdk));
    }
}
