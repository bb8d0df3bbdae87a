package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.BatchResult;

import java.util.List;

/**
 * What one {@code plugin_next_batch} call returned.
 *
 * @param result the outcome, from the return code
 * @param events the events, copied out of the plugin's memory
 */
public record Batch(BatchResult result, List<CapturedEvent> events) {
}
