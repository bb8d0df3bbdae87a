package dev.falcojava.sdk.abi;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the routine stub answers the host's pool for each routine, and when the SDK forgets one. */
class RoutineRegistryTest {

    private final RoutineRegistry registry = new RoutineRegistry();
    private final PluginState state = PluginState.broken("a state");

    private RoutineRegistry.Subscription add(String name, dev.falcojava.sdk.api.Routine routine) {
        RoutineRegistry.Subscription subscription = new RoutineRegistry.Subscription(registry.newId(), state, name,
                routine, 1);
        registry.add(subscription);
        return subscription;
    }

    @Test
    void aRoutineRunsAgainWhileItReturnsTrueAndIsForgottenWhenItReturnsFalse() {
        AtomicInteger runs = new AtomicInteger();
        RoutineRegistry.Subscription twice = add("twice", () -> runs.incrementAndGet() < 2);
        assertEquals(1, registry.run(twice.id()));
        assertEquals(0, registry.run(twice.id()));
        assertEquals(2, runs.get());
        assertEquals(0, registry.run(twice.id()), "a routine that ended is not run again");
        assertEquals(2, runs.get());
        assertFalse(registry.remove(twice.id()));
    }

    @Test
    void aThrowingRoutineAnswersFalseAndIsForgottenWithoutThrowing() {
        AtomicInteger runs = new AtomicInteger();
        RoutineRegistry.Subscription thrower = add("thrower", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        assertEquals(0, registry.run(thrower.id()));
        assertEquals(0, registry.run(thrower.id()));
        assertEquals(1, runs.get());
        RoutineRegistry.Subscription error = add("error", () -> {
            throw new StackOverflowError();
        });
        assertEquals(0, registry.run(error.id()));
    }

    @Test
    void unknownIdsAndTheRoutinesOfADestroyedStateAreNotRun() {
        AtomicInteger runs = new AtomicInteger();
        RoutineRegistry.Subscription forever = add("forever", () -> runs.incrementAndGet() > 0);
        assertEquals(0, registry.run(forever.id() + 100));
        assertEquals(1, registry.run(forever.id()));
        registry.removeAll(PluginState.broken("another state"));
        assertEquals(1, registry.run(forever.id()), "another state's routines stay");
        registry.removeAll(state);
        assertEquals(0, registry.run(forever.id()));
        assertEquals(2, runs.get());
    }

    @Test
    void aSubscriptionThatEndedBeforeSubscribeReturnedIsNotRevived() {
        RoutineRegistry.Subscription pending = add("quick", () -> false);
        assertEquals(0, registry.run(pending.id()));
        RoutineRegistry.Subscription subscribed = new RoutineRegistry.Subscription(pending.id(), state, "quick",
                pending.routine(), 42);
        registry.subscribed(pending, subscribed);
        assertFalse(registry.remove(pending.id()));
        RoutineRegistry.Subscription slow = add("slow", () -> true);
        registry.subscribed(slow, new RoutineRegistry.Subscription(slow.id(), state, "slow", slow.routine(), 43));
        assertTrue(registry.remove(slow.id()));
    }
}
