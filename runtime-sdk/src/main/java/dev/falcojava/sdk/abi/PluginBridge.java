package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.api.SourceInstance;
import dev.falcojava.sdk.api.SourcePlugin;

import java.util.function.Supplier;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * The entry points the native glue calls through upcall stubs, one per plugin API function. Addresses arrive
 * as {@code long}s. Every entry point catches every Throwable: an exception escaping an upcall would
 * terminate the host process.
 */
final class PluginBridge {

    private final Supplier<Plugin> factory;
    private final ClassLoader pluginLoader;
    private final HandleTable<PluginState> states = new HandleTable<>();
    private final ScratchBuffer unknownStateText = new ScratchBuffer("error text", 128, ScratchBuffer.RESULT_LIMIT);

    PluginBridge(Supplier<Plugin> factory, ClassLoader pluginLoader) {
        this.factory = factory;
        this.pluginLoader = pluginLoader;
    }

    /**
     * Host threads run plugin code with the plugin's class loader as context class loader, so that libraries
     * that look up resources or services through it (ServiceLoader, JSON and logging libraries) see the jar.
     */
    private void enterPlugin() {
        Thread current = Thread.currentThread();
        if (current.getContextClassLoader() != pluginLoader) {
            current.setContextClassLoader(pluginLoader);
        }
    }

    long init(long initInput, long rcOut) {
        try {
            return createState(initInput, rcOut);
        } catch (Throwable t) {
            NativeMemory.putU32(rcOut, ReturnCode.FAILURE);
            return 0;
        }
    }

    private long createState(long initInput, long rcOut) {
        PluginState state;
        try {
            enterPlugin();
            state = new PluginState(factory.get());
        } catch (Throwable t) {
            state = PluginState.broken(Failures.describe("creating the plugin", t));
        }
        long handle = states.register(state);
        int rc = ReturnCode.FAILURE;
        if (state.plugin != null) {
            try {
                String config = initInput == 0 ? "" : NativeMemory.string(NativeMemory.pointer(initInput + INIT_INPUT_CONFIG), "");
                state.plugin.init(config);
                rc = ReturnCode.SUCCESS;
            } catch (Throwable t) {
                state.fail("init", t);
            }
        }
        NativeMemory.putU32(rcOut, rc);
        return handle;
    }

    void destroy(long handle) {
        try {
            enterPlugin();
            PluginState state = states.remove(handle);
            if (state == null || state.plugin == null) {
                return;
            }
            for (InstanceState open : state.instances.drain()) {
                closeQuietly(open.instance());
            }
            state.plugin.destroy();
        } catch (Throwable ignored) {
            // destroy has no way to report; the state is gone either way
        }
    }

    long lastError(long handle) {
        try {
            PluginState state = states.find(handle);
            if (state == null) {
                return unknownStateText.cString("unknown plugin state " + handle);
            }
            return state.lastErrorText.cString(state.lastError());
        } catch (Throwable t) {
            return 0;
        }
    }

    long open(long handle, long params, long rcOut) {
        PluginState state = null;
        try {
            enterPlugin();
            state = states.get(handle, "plugin");
            SourcePlugin source = capability(state, SourcePlugin.class, "event sourcing");
            SourceInstance instance = source.open(NativeMemory.string(params, ""));
            if (instance == null) {
                throw new IllegalStateException(source.getClass().getName() + ".open returned null");
            }
            long id = state.instances.register(new InstanceState(instance, new NativeEventBatch(source.pluginId())));
            NativeMemory.putU32(rcOut, ReturnCode.SUCCESS);
            return id;
        } catch (Throwable t) {
            failed(state, "open", t);
            NativeMemory.putU32(rcOut, ReturnCode.FAILURE);
            return 0;
        }
    }

    void close(long handle, long instanceHandle) {
        try {
            enterPlugin();
            PluginState state = states.find(handle);
            if (state == null) {
                return;
            }
            InstanceState open = state.instances.remove(instanceHandle);
            if (open != null) {
                open.instance().close();
            }
        } catch (Throwable t) {
            failed(states.find(handle), "close", t);
        }
    }

    int nextBatch(long handle, long instanceHandle, long countOut, long eventsOut) {
        PluginState state = null;
        try {
            enterPlugin();
            NativeMemory.putU32(countOut, 0);
            state = states.get(handle, "plugin");
            InstanceState open = state.instances.get(instanceHandle, "source instance");
            NativeEventBatch batch = open.batch();
            batch.begin();
            BatchResult result = open.instance().nextBatch(batch);
            if (result == null) {
                throw new IllegalStateException("nextBatch returned null instead of a BatchResult");
            }
            if (result == BatchResult.EVENTS && batch.size() == 0) {
                throw new IllegalStateException("nextBatch returned EVENTS but added no event; return TIMEOUT when no event is ready");
            }
            long array = batch.publish();
            NativeMemory.putPointer(eventsOut, array);
            NativeMemory.putU32(countOut, batch.size());
            return switch (result) {
                case EVENTS -> ReturnCode.SUCCESS;
                case TIMEOUT -> ReturnCode.TIMEOUT;
                case END_OF_STREAM -> ReturnCode.EOF;
            };
        } catch (Throwable t) {
            failed(state, "next_batch", t);
            return ReturnCode.FAILURE;
        }
    }

    long eventToString(long handle, long eventInput) {
        PluginState state = null;
        try {
            enterPlugin();
            state = states.get(handle, "plugin");
            SourcePlugin source = capability(state, SourcePlugin.class, "event sourcing");
            state.eventView.resetFromInput(eventInput);
            String text = source.eventToString(state.eventView);
            return state.eventText.cString(text == null ? "" : text);
        } catch (Throwable t) {
            failed(state, "event_to_string", t);
            return 0;
        }
    }

    int extractFields(long handle, long eventInput, long extractInput) {
        PluginState state = null;
        NativeExtractRequest request = null;
        try {
            enterPlugin();
            state = states.get(handle, "plugin");
            ExtractPlugin extractor = capability(state, ExtractPlugin.class, "field extraction");
            request = state.extraction;
            int count = NativeMemory.u32(extractInput + EXTRACT_INPUT_NUM_FIELDS);
            long fields = NativeMemory.pointer(extractInput + EXTRACT_INPUT_FIELDS);
            if (count < 0 || (count > 0 && fields == 0)) {
                throw new IllegalArgumentException("invalid extract request: " + Integer.toUnsignedString(count) + " fields at NULL");
            }
            request.beginEvent(eventInput, count);
            for (int i = 0; i < count; i++) {
                request.selectField(i, fields + i * EXTRACT_FIELD_SIZE);
                extractor.extract(request);
                request.finishField();
            }
            request.publish(fields, count);
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            String context = request == null ? "extract_fields" : request.context();
            if (request != null) {
                request.clearStrings();
            }
            failed(state, context, t);
            return ReturnCode.FAILURE;
        }
    }

    private static <T> T capability(PluginState state, Class<T> type, String name) {
        if (state.plugin == null) {
            throw new IllegalStateException("the plugin was not created: " + state.lastError());
        }
        if (!type.isInstance(state.plugin)) {
            throw new IllegalStateException("plugin class " + state.plugin.getClass().getName() + " does not implement "
                    + type.getSimpleName() + " (" + name + ")");
        }
        return type.cast(state.plugin);
    }

    private static void failed(PluginState state, String context, Throwable t) {
        if (state != null) {
            try {
                state.fail(context, t);
            } catch (Throwable ignored) {
                state.fail(context + " failed");
            }
        }
    }

    private static void closeQuietly(SourceInstance instance) {
        try {
            instance.close();
        } catch (Throwable ignored) {
            // the plugin is being destroyed
        }
    }
}
