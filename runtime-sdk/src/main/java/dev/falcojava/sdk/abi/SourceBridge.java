package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.events.NativeEventBatch;
import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.OpenParam;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourceInstance;
import dev.falcojava.sdk.api.SourcePlugin;

import java.util.List;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;

/** The entry points of the event sourcing capability. */
final class SourceBridge {

    private final BridgeContext context;

    SourceBridge(BridgeContext context) {
        this.context = context;
    }

    long open(long handle, long params, long rcOut, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
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

    long close(long handle, long instanceHandle, long unused2, long unused3) {
        try {
            context.enterPlugin();
            PluginState state = context.states.find(handle);
            if (state == null) {
                return 0;
            }
            InstanceState open = state.instances.remove(instanceHandle);
            if (open != null) {
                open.instance().close();
            }
        } catch (Throwable t) {
            failed(context.states.find(handle), "close", t);
        }
        return 0;
    }

    long nextBatch(long handle, long instanceHandle, long countOut, long eventsOut) {
        PluginState state = null;
        try {
            NativeMemory.putU32(countOut, 0);
            state = context.enter(handle);
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

    long eventToString(long handle, long eventInput, long unused2, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            SourcePlugin source = capability(state, SourcePlugin.class, "event sourcing");
            state.eventView.resetFromInput(eventInput);
            String text = source.eventToString(state.eventView);
            return state.eventText.cString(text == null ? "" : text);
        } catch (Throwable t) {
            failed(state, "event_to_string", t);
            return 0;
        }
    }

    long listOpenParams(long handle, long rcOut, long unused2, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            List<OpenParam> params = capability(state, SourcePlugin.class, "event sourcing").openParams();
            if (params == null) {
                throw new IllegalStateException("openParams returned null instead of a list");
            }
            JsonText json = new JsonText().beginArray();
            for (OpenParam param : params) {
                json.beginObject().member("value", param.value());
                if (!param.description().isEmpty()) {
                    json.member("desc", param.description());
                }
                if (!param.separator().isEmpty()) {
                    json.member("separator", param.separator());
                }
                json.endObject();
            }
            long text = state.openParamsText.cString(json.endArray().toString());
            NativeMemory.putU32(rcOut, ReturnCode.SUCCESS);
            return text;
        } catch (Throwable t) {
            failed(state, "list_open_params", t);
            NativeMemory.putU32(rcOut, ReturnCode.FAILURE);
            return 0;
        }
    }

    long progress(long handle, long instanceHandle, long percentOut, long unused3) {
        PluginState state = null;
        try {
            NativeMemory.putU32(percentOut, 0);
            state = context.enter(handle);
            InstanceState open = state.instances.get(instanceHandle, "source instance");
            Progress progress = open.instance().progress();
            if (progress == null) {
                return 0;
            }
            NativeMemory.putU32(percentOut, progress.basisPoints());
            return progress.text() == null ? 0 : open.progressText().cString(progress.text());
        } catch (Throwable t) {
            failed(state, "get_progress", t);
            return 0;
        }
    }

    static void closeQuietly(SourceInstance instance) {
        try {
            instance.close();
        } catch (Throwable ignored) {
            // the plugin is being destroyed
        }
    }
}
