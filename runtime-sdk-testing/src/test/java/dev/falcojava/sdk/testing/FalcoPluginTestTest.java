package dev.falcojava.sdk.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@FalcoPluginTest(value = CounterPlugin.class, config = "x-", openParams = "3")
class FalcoPluginTestTest {

    @Test
    void injectsAStartedHarnessAndASourceOpenedWithTheOpenParams(PluginHarness harness, PluginHarness.OpenSource source) {
        List<CapturedEvent> events = source.take(10);
        assertEquals(3, events.size());
        assertEquals(List.of("x-2"), harness.extract(events.get(1), "counter.text"));
    }

    @Test
    @FalcoPluginTest(value = CounterPlugin.class, config = "m-")
    void theMethodsAnnotationReplacesTheClasss(PluginHarness.OpenSource source, PluginHarness harness) {
        List<CapturedEvent> events = source.take(10);
        assertEquals(5, events.size(), "empty open params: the plugin's default of 5");
        assertEquals(List.of("m-1"), harness.extract(events.getFirst(), "counter.text"));
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @FalcoPluginTest(DestroyCountingPlugin.class)
    class EachTestGetsItsOwnHarnessClosedAfterIt {

        private PluginHarness fromBeforeEach;

        @BeforeEach
        void seeTheHarness(PluginHarness harness) {
            fromBeforeEach = harness;
        }

        @Test
        @Order(1)
        void first(PluginHarness harness) {
            assertEquals(fromBeforeEach, harness, "the same harness for the whole test");
            FirstHarness.value = harness;
            FirstHarness.destroysDuring = DestroyCountingPlugin.DESTROYS.get();
        }

        @Test
        @Order(2)
        void second(PluginHarness harness) {
            assertNotSame(FirstHarness.value, harness);
            assertEquals(FirstHarness.destroysDuring + 1, DestroyCountingPlugin.DESTROYS.get(),
                    "the first test's plugin was destroyed after it, this one's not yet");
        }
    }

    /** What the first ordered test saw. */
    static final class FirstHarness {
        static PluginHarness value;
        static int destroysDuring;
    }

    @Nested
    class RegisteredOnAField {

        @RegisterExtension
        final PluginHarnessExtension plugin = PluginHarnessExtension.of(CounterPlugin.class).withConfig("r-").withOpenParams("2");

        @Test
        void startsOnFirstUse() {
            List<CapturedEvent> events = plugin.source().take(10);
            assertEquals(2, events.size());
            assertEquals(List.of("r-1"), plugin.harness().extract(events.getFirst(), "counter.text"));
        }
    }

    @Test
    void outsideATestTheRegisteredExtensionSaysHowToUseIt() {
        PluginHarnessExtension unused = PluginHarnessExtension.of(CounterPlugin.class);
        IllegalStateException failure = assertThrows(IllegalStateException.class, unused::harness);
        assertEquals("harness() is available during a test only, with the extension registered through"
                + " @RegisterExtension on a field", failure.getMessage());
    }
}
