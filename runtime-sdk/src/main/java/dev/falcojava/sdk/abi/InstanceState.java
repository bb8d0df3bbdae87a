package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.events.NativeEventBatch;
import dev.falcojava.sdk.api.SourceInstance;

/** One open source instance, the native memory of its batches and of its progress text. */
record InstanceState(SourceInstance instance, NativeEventBatch batch, ScratchBuffer progressText) {

    InstanceState(SourceInstance instance, NativeEventBatch batch) {
        this(instance, batch, new ScratchBuffer("progress text", 64, ScratchBuffer.RESULT_LIMIT));
    }
}
