package dev.falcojava.sdk.testing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte API of string fields through the real bridge: values in place, copied, sliced, and refused slices. */
class BytesApiHarnessTest {

    private static CapturedEvent event(long number, String payload) {
        return new CapturedEvent(number, 1, 7, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stringFieldsTakeBytesOfTheEventOrOfAnArrayWithoutDecoding() {
        try (PluginHarness harness = PluginHarness.init(BytesPlugin.class, "")) {
            assertEquals(Arrays.asList("naïve", "hello", "aï", null, (long) 'n'),
                    harness.extract(event(1, "naïve\0tail"), "bytes.payload", "bytes.framed", "bytes.param", "bytes.none",
                            "bytes.view"));
            assertEquals(Arrays.asList("no terminator", "o t"),
                    harness.extract(event(2, "no terminator"), "bytes.payload", "bytes.param"));
            assertEquals("hello", harness.extract(event(3, "x"), "bytes.framed").getFirst());
        }
    }

    @Test
    void aSliceOutsideTheEventFailsTheCallNamingTheField() {
        try (PluginHarness harness = PluginHarness.init(BytesPlugin.class, "")) {
            PluginCallException failure = assertThrows(PluginCallException.class,
                    () -> harness.extract(event(1, "abc"), "bytes.outside"));
            assertTrue(failure.getMessage().contains("extracting bytes.outside")
                    && failure.getMessage().contains("range 1+3 out of 0..3"), failure.getMessage());
            assertEquals("abc", harness.extract(event(2, "abc"), "bytes.payload").getFirst());
        }
    }
}
