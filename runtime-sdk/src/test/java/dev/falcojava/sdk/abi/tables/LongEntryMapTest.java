package dev.falcojava.sdk.abi.tables;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongEntryMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemovesWithCollidingKeys() {
        LongEntryMap<String> map = new LongEntryMap<>();
        Map<Long, String> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(500) * 1024L - 250_000;
            switch (random.nextInt(3)) {
                case 0 -> assertEquals(expected.put(key, "v" + i), map.put(key, "v" + i), "put " + key);
                case 1 -> assertEquals(expected.remove(key), map.remove(key), "remove " + key);
                default -> assertEquals(expected.get(key), map.get(key), "get " + key);
            }
            assertEquals(expected.size(), map.size());
        }
        for (long key = -250_000; key < 260_000; key += 1024) {
            assertEquals(expected.get(key), map.get(key), "final get " + key);
        }
        map.clear();
        assertEquals(0, map.size());
        assertEquals(null, map.get(expected.keySet().iterator().next()));
    }
}
