package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.tables.TableCall;
import dev.falcojava.sdk.api.ParsePlugin;

import static dev.falcojava.sdk.abi.BridgeContext.capability;
import static dev.falcojava.sdk.abi.BridgeContext.failed;

/** The entry point of the event parsing capability. */
final class ParseBridge {

    private final BridgeContext context;

    ParseBridge(BridgeContext context) {
        this.context = context;
    }

    long parseEvent(long handle, long eventInput, long parseInput, long unused3) {
        PluginState state = null;
        try {
            state = context.enter(handle);
            ParsePlugin parser = state.parser;
            if (parser == null) {
                capability(state, ParsePlugin.class, "event parsing");
            }
            state.parseView.resetFromInput(eventInput);
            TableCall tables = state.tableCall;
            if (parseInput != 0) {
                tables.beginLazily(TableCall.PARSE, parseInput);
            }
            try {
                parser.parse(state.parseView);
            } finally {
                tables.end();
            }
            return ReturnCode.SUCCESS;
        } catch (Throwable t) {
            failed(state, "parse_event", t);
            return ReturnCode.FAILURE;
        }
    }
}
