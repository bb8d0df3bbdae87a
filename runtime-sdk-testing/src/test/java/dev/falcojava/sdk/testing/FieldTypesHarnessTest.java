package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.IpNetwork;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness reads every value type back from the bytes the plugin wrote, and passes index and key arguments. */
class FieldTypesHarnessTest {

    private static final CapturedEvent EVENT = new CapturedEvent(2, 1, 7, "alpha beta 2".getBytes(StandardCharsets.UTF_8));

    @Test
    void everyValueTypeScalarAndListWithAndWithoutArguments() throws Exception {
        try (PluginHarness harness = PluginHarness.init(FieldTypesPlugin.class, "")) {
            assertEquals(List.of(1_500_000_000L, 1_700_000_000_000_000_042L, InetAddress.getByName("10.1.2.3"),
                    new IpNetwork(InetAddress.getByName("2001:db8::")), List.of("alpha", "beta", "2"),
                    List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), List.of(), "beta", "key=k",
                    "no key"), harness.extract(EVENT, "types.age", "types.at", "types.ip", "types.net", "types.words",
                    "types.ips", "types.none", "types.word[1]", "types.label[k]", "types.label"));
            assertEquals(Arrays.asList((Object) null), harness.extract(EVENT, "types.word[7]"));
        }
    }

    @Test
    void aRequiredArgumentMissingFailsNamingTheField() {
        try (PluginHarness harness = PluginHarness.init(FieldTypesPlugin.class, "")) {
            PluginCallException failure = assertThrows(PluginCallException.class, () -> harness.extract(EVENT, "types.word"));
            assertTrue(failure.getMessage().contains("field types.word requires an argument"), failure.getMessage());
        }
    }
}
