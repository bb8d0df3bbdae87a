package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.Routine;
import dev.falcojava.sdk.api.RoutineHandle;
import dev.falcojava.sdk.logging.Failures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The routines a plugin library subscribed to the host's thread pool, by the id the host passes back as the
 * routine's state. One upcall stub (the {@link BridgeSlot#ROUTINE} slot) runs every one of them.
 */
final class RoutineRegistry {

    /** A subscribed routine: {@code hostHandle} is what the host's {@code subscribe} returned. */
    record Subscription(long id, PluginState state, String name, Routine routine, long hostHandle)
            implements RoutineHandle {
    }

    private final Map<Long, Subscription> live = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    long newId() {
        return nextId.getAndIncrement();
    }

    void add(Subscription subscription) {
        live.put(subscription.id(), subscription);
    }

    /** Forgets {@code id}; says whether it was live. */
    boolean remove(long id) {
        return live.remove(id) != null;
    }

    /** Puts {@code subscribed} in the place of {@code pending}, unless the routine ended meanwhile. */
    void subscribed(Subscription pending, Subscription subscribed) {
        live.replace(pending.id(), pending, subscribed);
    }

    /** Forgets every routine of {@code state}: at destroy, and at capture open those the last capture close left (the host purged them). */
    void removeAll(PluginState state) {
        live.values().removeIf(subscription -> subscription.state() == state);
    }

    /**
     * One iteration of routine {@code id}, on a thread of the host's pool: whether to run it again. A routine that
     * throws is forgotten, logged once, and answered {@code false}, which unsubscribes it; nothing is thrown.
     */
    int run(long id) {
        Subscription subscription = live.get(id);
        if (subscription == null) {
            return 0;
        }
        try {
            if (subscription.routine().run()) {
                return 1;
            }
            live.remove(id);
            return 0;
        } catch (Throwable t) {
            live.remove(id);
            try {
                PluginLog.logger("routines").log(System.Logger.Level.ERROR,
                        Failures.describe("routine " + subscription.name() + " threw and was unsubscribed", t));
            } catch (Throwable ignored) {
                // the routine is unsubscribed even when the log line cannot be written
            }
            return 0;
        }
    }
}
