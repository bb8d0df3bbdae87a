package dev.falcojava.sdk.abi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8Test {

    @Test
    void encodesExactlyLikeTheJdk() {
        Random random = new Random(42);
        String[] fixed = {"", "plain", "é", "€uro", "\uD83D\uDE00 smile", "lone \uD800 high", "lone \uDC00 low", "end \uD83D"};
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 2000; round++) {
                String s = round < fixed.length ? fixed[round] : randomString(random);
                byte[] expected = s.getBytes(StandardCharsets.UTF_8);
                assertEquals(expected.length, Utf8.encodedLength(s), s);
                MemorySegment target = arena.allocate(expected.length + 1);
                long end = Utf8.encode(s, target, 0);
                assertEquals(expected.length, end);
                assertArrayEquals(expected, target.asSlice(0, end).toArray(ValueLayout.JAVA_BYTE), s);
            }
        }
    }

    private static String randomString(Random random) {
        char[] chars = new char[random.nextInt(12)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) (0x80 + random.nextInt(0x780));
                case 2 -> (char) (0xD800 + random.nextInt(0x800));
                default -> (char) random.nextInt(0x10000);
            };
        }
        return new String(chars);
    }
}
