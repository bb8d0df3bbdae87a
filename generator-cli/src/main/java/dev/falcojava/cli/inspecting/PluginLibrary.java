package dev.falcojava.cli.inspecting;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A plugin library loaded the way Falco loads one ({@code dlopen}, then {@code plugin_*} symbols looked up by name),
 * through {@code java.lang.foreign}. Closing it unloads the library.
 */
public final class PluginLibrary implements AutoCloseable {

    private static final Linker LINKER = Linker.nativeLinker();

    private final Arena arena = Arena.ofShared();
    private final SymbolLookup symbols;
    private final Path path;

    private PluginLibrary(Path path) {
        this.path = path;
        this.symbols = SymbolLookup.libraryLookup(path, arena);
    }

    /** @throws IllegalArgumentException when the file is missing or is not a loadable library */
    public static PluginLibrary open(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("no plugin library " + absolute);
        }
        try {
            return new PluginLibrary(absolute);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot load " + absolute + " as a shared library: " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    /** Whether the library exports {@code plugin_<name>}. */
    public boolean has(String name) {
        return symbols.find("plugin_" + name).isPresent();
    }

    /** A downcall handle to {@code plugin_<name>}, if exported. */
    public Optional<MethodHandle> function(String name, FunctionDescriptor descriptor) {
        return symbols.find("plugin_" + name).map(address -> LINKER.downcallHandle(address, descriptor));
    }

    /** Calls {@code const char* plugin_<name>(void)}; empty when the symbol is absent or returns NULL. */
    public Optional<String> text(String name) {
        return function(name, FunctionDescriptor.of(ADDRESS)).map(handle -> invokeText(handle));
    }

    /**
     * Calls {@code const char* plugin_<name>(ss_plugin_t* s)} with a NULL state, as libsinsp calls
     * {@code get_required_event_schema_version} before init; empty when absent or NULL.
     */
    public Optional<String> textWithoutState(String name) {
        return function(name, FunctionDescriptor.of(ADDRESS, ADDRESS))
                .map(handle -> string((MemorySegment) invoke(handle, MemorySegment.NULL)));
    }

    /** Calls {@code uint32_t plugin_get_id(void)}, or 0 when absent. */
    public long id() {
        return function("get_id", FunctionDescriptor.of(JAVA_INT))
                .map(handle -> Integer.toUnsignedLong((int) invoke(handle))).orElse(0L);
    }

    /** The init schema and its type, when {@code plugin_get_init_schema} is exported. */
    public Optional<String> initSchema() {
        return function("get_init_schema", FunctionDescriptor.of(ADDRESS, ADDRESS)).map(handle -> {
            try (Arena call = Arena.ofConfined()) {
                MemorySegment type = call.allocate(JAVA_INT);
                MemorySegment schema = (MemorySegment) invoke(handle, type);
                return schema.address() == 0 ? "" : schema.reinterpret(Long.MAX_VALUE).getString(0);
            }
        });
    }

    /** The arena that lives as long as the library, for upcall stubs the plugin keeps. */
    Arena arena() {
        return arena;
    }

    static String string(MemorySegment pointer) {
        return pointer.address() == 0 ? null : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static String invokeText(MethodHandle handle) {
        return string((MemorySegment) invoke(handle));
    }

    static Object invoke(MethodHandle handle, Object... arguments) {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
