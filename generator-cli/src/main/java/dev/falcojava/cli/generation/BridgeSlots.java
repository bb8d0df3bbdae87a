package dev.falcojava.cli.generation;

import dev.falcojava.cli.model.PluginDescriptor;

/**
 * The bridge slots a plugin's glue asks the SDK for, as a mask over the SDK's slot order (init, destroy,
 * get_last_error, open, close, next_batch, event_to_string, list_open_params, get_progress, extract_fields,
 * parse_event, set_async_event_handler, capture_open, capture_close, get_metrics). The glue template lists the
 * same order; the SDK refuses a table whose size differs from its own.
 */
final class BridgeSlots {

    private static final long CORE = 0b111;
    private static final long SOURCE = 0b111111L << 3;
    private static final long EXTRACT = 1L << 9;
    private static final long PARSE = 1L << 10;
    private static final long ASYNC = 1L << 11;
    private static final long CAPTURE_LISTEN = 0b11L << 12;
    private static final long METRICS = 1L << 14;

    private BridgeSlots() {
    }

    static long mask(PluginDescriptor d) {
        long mask = CORE;
        mask |= d.source().isPresent() ? SOURCE : 0;
        mask |= d.extract().isPresent() ? EXTRACT : 0;
        mask |= d.parse().isPresent() ? PARSE : 0;
        mask |= d.async().isPresent() ? ASYNC : 0;
        mask |= d.captureListen().isPresent() ? CAPTURE_LISTEN : 0;
        mask |= d.metrics() ? METRICS : 0;
        return mask;
    }
}
