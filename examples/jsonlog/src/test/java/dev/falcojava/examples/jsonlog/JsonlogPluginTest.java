package dev.falcojava.examples.jsonlog;

import dev.falcojava.sdk.testing.CapturedEvent;
import dev.falcojava.sdk.testing.PluginCallException;
import dev.falcojava.sdk.testing.PluginHarness;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the sample log through the same native bridge Falco uses. */
class JsonlogPluginTest {

    @Test
    void everyNonBlankLineIsAnEventAndFieldsPickValuesByPath() throws Exception {
        try (PluginHarness harness = PluginHarness.init(JsonlogPlugin.class, "");
             PluginHarness.OpenSource source = harness.open("sample/app.jsonl")) {
            List<CapturedEvent> events = source.take(100);
            assertEquals(5, events.size());
            assertEquals(List.of("alice", "info", Instant.parse("2026-11-25T10:00:00Z").toEpochMilli() * 1_000_000,
                            InetAddress.getByName("10.0.0.7"), 12_000_000L, List.of("login", "web"), "web", "1"),
                    harness.extract(events.getFirst(), "jsonlog.value[user.name]", "jsonlog.level", "jsonlog.time",
                            "jsonlog.client", "jsonlog.latency", "jsonlog.values[tags]", "jsonlog.value[tags.1]",
                            "jsonlog.value[user.id]"));
            assertEquals(List.of("bob \"the builder\"", List.of(), InetAddress.getByName("2001:db8::42")),
                    harness.extract(events.get(1), "jsonlog.value[user.name]", "jsonlog.values[tags]", "jsonlog.client"));
            assertEquals(Arrays.asList(null, null, List.of("admin", "sudo", "web")),
                    harness.extract(events.get(2), "jsonlog.value[user.name]", "jsonlog.client", "jsonlog.values[tags]"));
            assertEquals(Arrays.asList(null, null, "this line is not JSON"),
                    harness.extract(events.get(3), "jsonlog.level", "jsonlog.time", "jsonlog.message"));
            assertEquals("élodie", harness.extract(events.get(4), "jsonlog.value[user.name]").getFirst());
        }
    }

    @Test
    void aMissingFileIsRefusedWithItsPath() {
        try (PluginHarness harness = PluginHarness.init(JsonlogPlugin.class, "")) {
            PluginCallException open = assertThrows(PluginCallException.class, () -> harness.open("nowhere.jsonl"));
            assertTrue(open.getMessage().contains("open params: no file "), open.getMessage());
        }
    }
}
