package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.SourceInstance;

/** One open source instance and the native memory of its batches. */
record InstanceState(SourceInstance instance, NativeEventBatch batch) {
}
