package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.logging.Failures;
import dev.falcojava.sdk.logging.LogSink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point of the native glue: called once per loaded plugin library (through JNI, in the class loader of
 * the plugin jar) to fill the glue's function table with upcall stubs, and once more after the library's last
 * {@code plugin_destroy} to release them.
 */
public final class Bootstrap {

    /** The bridges installed from this class loader, by the address of their glue table. */
    private static final Map<Long, InstalledBridge> INSTALLED = new HashMap<>();

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
            LogSink.name(pluginClassName.substring(pluginClassName.lastIndexOf('.') + 1));
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
        synchronized (INSTALLED) {
            if (INSTALLED.containsKey(tableAddress)) {
                throw new IllegalStateException("a bridge is already installed into the table at 0x"
                        + Long.toHexString(tableAddress) + "; release it first");
            }
            INSTALLED.put(tableAddress, InstalledBridge.install(table, factory, pluginLoader));
        }
    }

    /**
     * Releases the bridge installed into the table at {@code tableAddress}: the glue calls it after the library's
     * last {@code plugin_destroy}, before it closes the plugin's class loader. States still alive are destroyed.
     *
     * @return {@code null} on success, otherwise why it failed
     */
    public static String release(long tableAddress) {
        try {
            InstalledBridge installed;
            synchronized (INSTALLED) {
                installed = INSTALLED.remove(tableAddress);
            }
            if (installed == null) {
                return "no bridge is installed into the table at 0x" + Long.toHexString(tableAddress);
            }
            installed.close();
            return null;
        } catch (Throwable t) {
            return Failures.describe("releasing the plugin bridge", t);
        }
    }

    static Supplier<Plugin> factory(Class<?> type) throws ReflectiveOperationException {
        if (!Plugin.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " does not implement " + Plugin.class.getName());
        }
        Constructor<?> constructor = type.getDeclaredConstructor();
        MethodHandle create = MethodHandles.lookup().unreflectConstructor(constructor)
                .asType(MethodType.methodType(Plugin.class));
        return new ConstructorCall(create);
    }

    /** Calls the plugin's constructor; a class rather than a lambda, which the JVM would spin at init (not cached). */
    private record ConstructorCall(MethodHandle create) implements Supplier<Plugin> {
        @Override
        public Plugin get() {
            try {
                return (Plugin) create.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
