package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.Plugin;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/** What every bridge of one plugin library shares: the plugin factory, its class loader and the live states. */
final class BridgeContext {

    final Supplier<Plugin> factory;
    final HandleTable<PluginState> states = new HandleTable<>();
    final RoutineRegistry routines = new RoutineRegistry();
    /** The address of the {@link BridgeSlot#ROUTINE} stub, or 0 when the glue did not ask for it. */
    volatile long routineStub;
    private final ClassLoader pluginLoader;
    /** The threads whose context class loader {@link #enterPlugin} set. */
    private final Set<Thread> entered = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    BridgeContext(Supplier<Plugin> factory, ClassLoader pluginLoader) {
        this.factory = factory;
        this.pluginLoader = pluginLoader;
    }

    /**
     * Host threads run plugin code with the plugin's class loader as context class loader, so that libraries
     * that look up resources or services through it (ServiceLoader, JSON and logging libraries) see the jar.
     */
    void enterPlugin() {
        Thread current = Thread.currentThread();
        if (current.getContextClassLoader() != pluginLoader) {
            entered.add(current);
            current.setContextClassLoader(pluginLoader);
        }
    }

    /**
     * Gives every thread that {@link #enterPlugin} changed the system class loader as context class loader (what
     * the JVM gives a thread it attaches), so that no thread keeps the plugin's class loader reachable once the
     * library is released. Restoring the loader a thread had before could revive another plugin's released one.
     */
    void leavePluginEverywhere() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        synchronized (entered) {
            for (Thread thread : entered) {
                if (thread.getContextClassLoader() == pluginLoader) {
                    thread.setContextClassLoader(system);
                }
            }
            entered.clear();
        }
    }

    /** The state of {@code handle}, entered: fails when the handle is unknown. */
    PluginState enter(long handle) {
        enterPlugin();
        return states.get(handle, "plugin");
    }

    /** The plugin of {@code state} as the capability {@code type}, or an exception naming what is missing. */
    static <T> T capability(PluginState state, Class<T> type, String name) {
        if (state.plugin == null) {
            throw new IllegalStateException("the plugin was not created: " + state.lastError());
        }
        if (!type.isInstance(state.plugin)) {
            throw new IllegalStateException("plugin class " + state.plugin.getClass().getName() + " does not implement "
                    + type.getSimpleName() + " (" + name + ")");
        }
        return type.cast(state.plugin);
    }

    /** Records a failure as the state's last error; never throws. */
    static void failed(PluginState state, String context, Throwable t) {
        if (state != null) {
            try {
                state.fail(context, t);
            } catch (Throwable ignored) {
                state.fail(context + " failed");
            }
        }
    }
}
