package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.events.NativeExtractRequest;
import dev.falcojava.sdk.abi.tables.TableCall;
import dev.falcojava.sdk.api.ExtractPlugin;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;
import static dev.falcojava.sdk.abi.Layouts.*;

/** The entry point of the field extraction capability. */
final class ExtractBridge {

    private final BridgeContext context;

    ExtractBridge(BridgeContext context) {
        this.context = context;
    }

    long extractFields(long handle, long eventInput, long extractInput, long unused3) {
        PluginState state = null;
        NativeExtractRequest request = null;
        try {
            state = context.enter(handle);
            ExtractPlugin extractor = state.extractor;
            if (extractor == null) {
                capability(state, ExtractPlugin.class, "field extraction");
            }
            request = state.extraction;
            int count = NativeMemory.u32(extractInput + EXTRACT_INPUT_NUM_FIELDS);
            long fields = NativeMemory.pointer(extractInput + EXTRACT_INPUT_FIELDS);
            if (count < 0 || (count > 0 && fields == 0)) {
                throw new IllegalArgumentException("invalid extract request: " + Integer.toUnsignedString(count) + " fields at NULL");
            }
            request.beginEvent(eventInput, count);
            TableCall tables = state.tableCall;
            tables.beginLazily(TableCall.EXTRACT, extractInput);
            try {
                for (int i = 0; i < count; i++) {
                    request.selectField(i, fields + i * EXTRACT_FIELD_SIZE);
                    extractor.extract(request);
                }
            } finally {
                tables.end();
            }
            request.publish(fields, count);
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            String where = request == null ? "extract_fields" : request.context();
            if (request != null) {
                request.clearReferences();
            }
            failed(state, where, t);
            return ReturnCode.FAILURE;
        }
    }
}
