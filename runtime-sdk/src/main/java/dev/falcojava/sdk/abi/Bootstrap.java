package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.Plugin;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point of the native glue: called once per loaded plugin library (through JNI, in the class loader of
 * the plugin jar) to fill the glue's function table with upcall stubs into a new {@link PluginBridge}.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * Installs the bridge for {@code pluginClassName} into the table at {@code tableAddress}.
     *
     * @return {@code null} on success, otherwise why it failed
     */
    public static String install(long tableAddress, String pluginClassName) {
        try {
            ClassLoader loader = Bootstrap.class.getClassLoader();
            Class<?> type = Class.forName(pluginClassName, true, loader);
            install(tableAddress, factory(type), loader);
            return null;
        } catch (Throwable t) {
            return Failures.describe("loading plugin class " + pluginClassName, t);
        }
    }

    static void install(long tableAddress, Supplier<Plugin> factory, ClassLoader pluginLoader)
            throws ReflectiveOperationException {
        MemorySegment table = MemorySegment.ofAddress(tableAddress).reinterpret(BridgeSlot.tableBytes());
        int glueVersion = table.get(ValueLayout.JAVA_INT, 0);
        int glueSlots = table.get(ValueLayout.JAVA_INT, 4);
        if (glueVersion != BridgeSlot.ABI_VERSION || glueSlots != BridgeSlot.values().length) {
            throw new IllegalStateException("the native glue (table version " + glueVersion + ", " + glueSlots
                    + " slots) does not match this SDK (version " + BridgeSlot.ABI_VERSION + ", "
                    + BridgeSlot.values().length + " slots); regenerate and rebuild the plugin");
        }
        long wanted = table.get(ValueLayout.JAVA_LONG, 8);
        BridgeContext context = new BridgeContext(factory, pluginLoader);
        Map<Class<?>, Object> bridges = Map.of(
                CoreBridge.class, new CoreBridge(context),
                SourceBridge.class, new SourceBridge(context),
                ExtractBridge.class, new ExtractBridge(context),
                ParseBridge.class, new ParseBridge(context),
                AsyncBridge.class, new AsyncBridge(context),
                CaptureBridge.class, new CaptureBridge(context),
                MetricsBridge.class, new MetricsBridge(context));
        Linker linker = Linker.nativeLinker();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (BridgeSlot slot : BridgeSlot.values()) {
            if ((wanted & slot.bit()) == 0) {
                continue;
            }
            MethodHandle target = lookup.findVirtual(slot.bridge(), slot.bridgeMethod(), slot.methodType())
                    .bindTo(bridges.get(slot.bridge()));
            MemorySegment stub = linker.upcallStub(target, slot.descriptor(), Arena.global());
            table.set(ValueLayout.ADDRESS, slot.offset(), stub);
        }
    }

    static Supplier<Plugin> factory(Class<?> type) throws ReflectiveOperationException {
        if (!Plugin.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " does not implement " + Plugin.class.getName());
        }
        Constructor<?> constructor = type.getDeclaredConstructor();
        MethodHandle create = MethodHandles.lookup().unreflectConstructor(constructor)
                .asType(MethodType.methodType(Plugin.class));
        return () -> {
            try {
                return (Plugin) create.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }
}
