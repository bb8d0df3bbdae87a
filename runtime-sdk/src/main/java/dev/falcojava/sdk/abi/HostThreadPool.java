package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.Routine;
import dev.falcojava.sdk.api.RoutineHandle;
import dev.falcojava.sdk.api.ThreadPool;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

import static dev.falcojava.sdk.abi.Layouts.CAPTURE_INPUT_OWNER;
import static dev.falcojava.sdk.abi.Layouts.CAPTURE_INPUT_ROUTINE;
import static dev.falcojava.sdk.abi.Layouts.ROUTINE_SUBSCRIBE;
import static dev.falcojava.sdk.abi.Layouts.ROUTINE_UNSUBSCRIBE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The host's routine vtable during one capture_open or capture_close call: subscribes routines with the bridge's
 * one routine stub and the routine's id as its state. Closed when the call returns.
 */
final class HostThreadPool implements ThreadPool {

    private static final FunctionDescriptor SUBSCRIBE = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    private static final FunctionDescriptor UNSUBSCRIBE = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG);

    private final PluginState state;
    private final RoutineRegistry registry;
    private final long routineStub;
    private final long owner;
    private final long vtable;
    private final String call;
    private boolean open = true;

    HostThreadPool(PluginState state, RoutineRegistry registry, long routineStub, long listenInput, String call) {
        this.state = state;
        this.registry = registry;
        this.routineStub = routineStub;
        this.owner = listenInput == 0 ? 0 : NativeMemory.pointer(listenInput + CAPTURE_INPUT_OWNER);
        this.vtable = listenInput == 0 ? 0 : NativeMemory.pointer(listenInput + CAPTURE_INPUT_ROUTINE);
        this.call = call;
    }

    @Override
    public RoutineHandle subscribe(String name, Routine routine) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(routine, "routine");
        long subscribe = function(ROUTINE_SUBSCRIBE, "subscribe");
        long id = registry.newId();
        RoutineRegistry.Subscription pending = new RoutineRegistry.Subscription(id, state, name, routine, 0);
        registry.add(pending);
        long handle;
        try {
            handle = (long) downcall(subscribe, SUBSCRIBE).invokeExact(owner, routineStub, id);
        } catch (Throwable t) {
            registry.remove(id);
            throw new IllegalStateException("subscribing routine " + name + " failed: " + t, t);
        }
        if (handle == 0) {
            registry.remove(id);
            throw new IllegalStateException("the host refused routine " + name
                    + " (its subscribe returned NULL: the host has no thread pool)");
        }
        RoutineRegistry.Subscription subscription = new RoutineRegistry.Subscription(id, state, name, routine, handle);
        registry.subscribed(pending, subscription);
        return subscription;
    }

    @Override
    public boolean unsubscribe(RoutineHandle handle) {
        if (!(handle instanceof RoutineRegistry.Subscription subscription) || subscription.state() != state) {
            throw new IllegalArgumentException("not a routine of this plugin: " + handle);
        }
        long unsubscribe = function(ROUTINE_UNSUBSCRIBE, "unsubscribe");
        int rc;
        try {
            rc = (int) downcall(unsubscribe, UNSUBSCRIBE).invokeExact(owner, subscription.hostHandle());
        } catch (Throwable t) {
            throw new IllegalStateException("unsubscribing routine " + subscription.name() + " failed: " + t, t);
        }
        registry.remove(subscription.id());
        return rc == ReturnCode.SUCCESS;
    }

    /** Ends the pool's use: the host's vtable is gone once the call returns. */
    void close() {
        open = false;
    }

    private long function(long offset, String what) {
        if (!open) {
            throw new IllegalStateException("the thread pool is usable only during captureOpened and captureClosed");
        }
        if (vtable == 0) {
            throw new IllegalStateException("the host gave " + call + " no routine vtable");
        }
        long function = NativeMemory.pointer(vtable + offset);
        if (function == 0) {
            throw new IllegalStateException("the host's routine vtable has no " + what + " function");
        }
        return function;
    }

    private static MethodHandle downcall(long function, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(function), descriptor);
    }
}
