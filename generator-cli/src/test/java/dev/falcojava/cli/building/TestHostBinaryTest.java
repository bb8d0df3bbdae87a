package dev.falcojava.cli.building;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host compile tells a missing json-c from other failures, by what gcc says when it is missing. */
class TestHostBinaryTest {

    @Test
    void gccsWordsForAMissingJsonCHeaderAreRecognized(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty-sysroot"));
        Path source = Files.writeString(tmp.resolve("uses_json_c.c"), "#include <json-c/json.h>\nint main(void) { return 0; }\n");
        ProcessRunner.Outcome noHeader = ProcessRunner.run(List.of(BuildTool.GCC.command(), "--sysroot=" + empty,
                "-nostdinc", "-fsyntax-only", source.toString()), tmp, Map.of());
        assertNotEquals(0, noHeader.exitCode(), noHeader.output());
        assertTrue(TestHostBinary.lacksJsonC(noHeader.output()), noHeader.output());

        Path broken = Files.writeString(tmp.resolve("broken.c"), "int main(void) { return missing; }\n");
        ProcessRunner.Outcome other = ProcessRunner.run(List.of(BuildTool.GCC.command(), "-fsyntax-only", broken.toString()),
                tmp, Map.of());
        assertNotEquals(0, other.exitCode(), other.output());
        assertFalse(TestHostBinary.lacksJsonC(other.output()), other.output());
    }
}
