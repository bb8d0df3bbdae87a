package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.logging.JulRoutes;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bridge of one plugin library while it is installed: the upcall stubs written into the glue's table (all in
 * one arena) and the context behind them. {@linkplain #close() Closing} it gives back everything an install took,
 * so that the plugin's classes become unreachable once the glue drops its class loader.
 */
final class InstalledBridge implements AutoCloseable {

    private final MemorySegment table;
    private final BridgeContext context;
    private final Arena stubs = Arena.ofShared();

    private InstalledBridge(MemorySegment table, BridgeContext context) {
        this.table = table;
        this.context = context;
    }

    /** Creates the bridges and writes a stub into every slot the glue's table asks for. */
    static InstalledBridge install(MemorySegment table, Supplier<Plugin> factory, ClassLoader pluginLoader)
            throws ReflectiveOperationException {
        InstalledBridge installed = new InstalledBridge(table, new BridgeContext(factory, pluginLoader));
        JulRoutes.install(pluginLoader);
        try {
            installed.writeStubs(table.get(ValueLayout.JAVA_LONG, 8));
            return installed;
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            installed.close();
            throw e;
        }
    }

    private void writeStubs(long wanted) throws ReflectiveOperationException {
        Map<Class<?>, Object> bridges = Map.of(
                CoreBridge.class, new CoreBridge(context),
                SourceBridge.class, new SourceBridge(context),
                ExtractBridge.class, new ExtractBridge(context),
                ParseBridge.class, new ParseBridge(context),
                AsyncBridge.class, new AsyncBridge(context),
                CaptureBridge.class, new CaptureBridge(context),
                ConfigBridge.class, new ConfigBridge(context),
                MetricsBridge.class, new MetricsBridge(context));
        Linker linker = Linker.nativeLinker();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (BridgeSlot slot : BridgeSlot.values()) {
            if ((wanted & slot.bit()) == 0) {
                continue;
            }
            MethodHandle target = lookup.findVirtual(slot.bridge(), slot.bridgeMethod(), slot.methodType())
                    .bindTo(bridges.get(slot.bridge()));
            table.set(ValueLayout.ADDRESS, slot.offset(), linker.upcallStub(target, slot.descriptor(), stubs));
        }
        if ((wanted & BridgeSlot.ROUTINE.bit()) != 0) {
            context.routineStub = table.get(ValueLayout.JAVA_LONG, BridgeSlot.ROUTINE.offset());
        }
    }

    /** The number of plugin states still alive. */
    int liveStates() {
        return context.states.size();
    }

    /**
     * Destroys the states the host left alive, empties the glue's slots, frees the upcall stubs, detaches the host's
     * log function and the {@code java.util.logging} route, and gives every thread that ran plugin code its previous context class loader back.
     */
    @Override
    public void close() {
        CoreBridge.destroyAll(context);
        for (BridgeSlot slot : BridgeSlot.values()) {
            table.set(ValueLayout.ADDRESS, slot.offset(), MemorySegment.NULL);
        }
        HostLog.detach();
        JulRoutes.uninstall();
        context.leavePluginEverywhere();
        stubs.close();
    }
}
