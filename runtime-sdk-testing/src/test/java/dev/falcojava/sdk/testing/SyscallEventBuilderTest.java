package dev.falcojava.sdk.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** System call events built for the harness, read by a plugin through the SDK's typed views over host memory. */
class SyscallEventBuilderTest {

    private static final String[] FIELDS = {"openat.fd", "openat.name", "openat.flags", "openat.ino", "openat.where"};

    private static SyscallEventBuilder openat() {
        return SyscallEventBuilder.of("openat_x").number(7).timestamp(1_700_000_000_000_000_000L).threadId(1001)
                .int64(3).int64(-100).string("/etc/app.conf").int32(0x41).int32(0644).int32(2049).int64(131);
    }

    @Test
    void theEventIsLaidOutAsTheDriverLaysItOut() {
        SyscallEventRecord event = openat().build();
        byte[] bytes = event.bytes();
        int lengths = 26 + 7 * 2;
        int length = lengths + 8 + 8 + "/etc/app.conf".length() + 1 + 4 + 4 + 4 + 8;
        assertEquals(List.of(length, 307, 7, 1001L, 7L), List.of(bytes.length, event.type(), (int) bytes[22], event.threadId(),
                event.number()));
        assertEquals(length, (bytes[16] & 0xff) | (bytes[17] & 0xff) << 8);
        assertEquals(List.of(8, 8, 14, 4, 4, 4, 8), java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> (bytes[26 + 2 * i] & 0xff) | (bytes[27 + 2 * i] & 0xff) << 8).toList());
    }

    @Test
    void aPluginReadsItThroughTheTypedViewAsAnEventOfTheSyscallSource() {
        try (PluginHarness harness = PluginHarness.init(OpenatPlugin.class, "")) {
            assertEquals(List.of(3L, "/etc/app.conf", 0x41L, 131L, "307 syscall 1001"),
                    harness.extract(openat().build(), FIELDS));
        }
    }

    @Test
    void aWrongParameterCountFailsThePluginsCallNotTheHarness() {
        try (PluginHarness harness = PluginHarness.init(OpenatPlugin.class, "")) {
            SyscallEventRecord truncated = SyscallEventBuilder.of("openat_x").threadId(1).int64(3).build();
            PluginCallException failed = assertThrows(PluginCallException.class,
                    () -> harness.extract(truncated, "openat.name"));
            assertTrue(failed.getMessage().contains("openat_x"), failed.getMessage());
        }
    }

    @Test
    void anUnknownTypeNameIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SyscallEventBuilder.of("openat"));
        assertEquals("the event table has no event type openat", refused.getMessage());
    }
}
