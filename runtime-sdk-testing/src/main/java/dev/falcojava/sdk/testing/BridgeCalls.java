package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.Bootstrap;
import dev.falcojava.sdk.abi.BridgeSlot;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bridge a {@link PluginHarness} installed, as the glue holds it: the function table filled by
 * {@code Bootstrap.install}, one downcall handle per slot, and the plugin state the calls pass.
 */
final class BridgeCalls {

    static final int SUCCESS = 0;

    private final Map<BridgeSlot, MethodHandle> calls = new EnumMap<>(BridgeSlot.class);
    private MemorySegment table;
    private long state;

    /** Installs the bridge of plugin class {@code className} into a table allocated in {@code arena}. */
    BridgeCalls(String className, Arena arena) {
        MemorySegment table = arena.allocate(BridgeSlot.tableBytes(), 8);
        BridgeSlot.writeHeader(table, BridgeSlot.ALL);
        String failure = Bootstrap.install(table.address(), className);
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        this.table = table;
        Linker linker = Linker.nativeLinker();
        for (BridgeSlot slot : BridgeSlot.values()) {
            calls.put(slot, linker.downcallHandle(table.get(ValueLayout.ADDRESS, slot.offset()), slot.descriptor()));
        }
    }

    /** The plugin state {@code plugin_init} returned, 0 before init and after destroy. */
    long state() {
        return state;
    }

    void state(long state) {
        this.state = state;
    }

    /** Calls a slot as the glue does: its arguments widened to four {@code long}s (0 for the missing ones). */
    long invoke(BridgeSlot slot, long... arguments) {
        long[] widened = Arrays.copyOf(arguments, 4);
        try {
            return (long) calls.get(slot).invokeExact(widened[0], widened[1], widened[2], widened[3]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The text {@code plugin_get_last_error} returns now. */
    String lastError() {
        return HostMemory.string(invoke(BridgeSlot.GET_LAST_ERROR, state), null);
    }

    /** Throws a {@link PluginCallException} with the last error when {@code code} is not success. */
    void check(String function, int code) {
        if (code != SUCCESS) {
            throw new PluginCallException(function, code, lastError());
        }
    }

    /** Calls {@code plugin_destroy} on a live state, then releases the bridge; returns the release's failure. */
    String destroyAndRelease() {
        if (state != 0) {
            invoke(BridgeSlot.DESTROY, state);
            state = 0;
        }
        if (table == null) {
            return null;
        }
        String failure = Bootstrap.release(table.address());
        table = null;
        return failure;
    }
}
