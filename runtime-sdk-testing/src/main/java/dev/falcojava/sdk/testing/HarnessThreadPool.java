package dev.falcojava.sdk.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The harness's routine vtable: subscriptions are recorded, and run only when a test asks
 * ({@link PluginHarness#runRoutines()}), each once per round on the test's thread, so that tests stay deterministic.
 * Capture close purges what is left, as libsinsp does.
 */
final class HarnessThreadPool {

    private static final FunctionDescriptor ROUTINE = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG);

    private record Subscribed(long handle, MethodHandle function, long state) {
    }

    private final List<Subscribed> routines = new ArrayList<>();
    private final MemorySegment vtable;
    private long nextHandle = 1;

    HarnessThreadPool(Arena arena) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MemorySegment subscribe = linker.upcallStub(lookup.findVirtual(HarnessThreadPool.class, "subscribe",
                    MethodType.methodType(long.class, MemorySegment.class, MemorySegment.class, MemorySegment.class))
                    .bindTo(this), FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS), arena);
            MemorySegment unsubscribe = linker.upcallStub(lookup.findVirtual(HarnessThreadPool.class, "unsubscribe",
                    MethodType.methodType(int.class, MemorySegment.class, long.class))
                    .bindTo(this), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), arena);
            vtable = arena.allocate(16, 8);
            vtable.set(ADDRESS, 0, subscribe);
            vtable.set(ADDRESS, 8, unsubscribe);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    MemorySegment vtable() {
        return vtable;
    }

    private synchronized long subscribe(MemorySegment owner, MemorySegment function, MemorySegment state) {
        MethodHandle call = Linker.nativeLinker().downcallHandle(function, ROUTINE);
        long handle = nextHandle++;
        routines.add(new Subscribed(handle, call, state.address()));
        return handle;
    }

    private synchronized int unsubscribe(MemorySegment owner, long handle) {
        return routines.removeIf(routine -> routine.handle() == handle) ? 0 : 1;
    }

    /** Runs each subscribed routine once, dropping those that answer false; returns how many stay subscribed. */
    int runOnce() {
        List<Subscribed> round;
        synchronized (this) {
            round = List.copyOf(routines);
        }
        for (Subscribed routine : round) {
            int again;
            try {
                again = (int) routine.function().invokeExact(0L, routine.state());
            } catch (Throwable t) {
                throw new IllegalStateException("a routine's function failed in the harness", t);
            }
            if (again == 0) {
                synchronized (this) {
                    routines.remove(routine);
                }
            }
        }
        synchronized (this) {
            return routines.size();
        }
    }

    synchronized void purge() {
        routines.clear();
    }
}
