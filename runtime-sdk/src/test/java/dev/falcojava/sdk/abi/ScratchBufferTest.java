package dev.falcojava.sdk.abi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ScratchBufferTest {

    @Test
    void cStringWritesTheJdksUtf8AndANulForStringsOfEveryLengthAndKind() {
        ScratchBuffer buffer = new ScratchBuffer("text", 8, ScratchBuffer.RESULT_LIMIT);
        String[] texts = {"", "plain", "é", "€uro", "\uD83D\uDE00 smile", "lone \uD800 high", "end \uD83D",
                "x".repeat(300), "é".repeat(200_000), "€".repeat(400_000)};
        for (String text : texts) {
            assertCString(text.getBytes(StandardCharsets.UTF_8), buffer.cString(text), text.length());
            assertCString(text.getBytes(StandardCharsets.UTF_8), buffer.cString(new StringBuilder(text)), text.length());
        }
        assertCString("short again".getBytes(StandardCharsets.UTF_8), buffer.cString("short again"), 11);
    }

    private static void assertCString(byte[] expected, long address, int chars) {
        MemorySegment written = MemorySegment.ofAddress(address).reinterpret(expected.length + 1L);
        assertArrayEquals(expected, written.asSlice(0, expected.length).toArray(ValueLayout.JAVA_BYTE), chars + " chars");
        assertEquals(0, written.get(ValueLayout.JAVA_BYTE, expected.length), "NUL after " + chars + " chars");
    }
}
