package dev.falcojava.examples.counter;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.SourceInstance;

import java.util.List;
import java.util.stream.LongStream;

/**
 * Counts up from a start value by random steps (the classic dummy plugin). Each event carries the previous and the
 * new value of the counter.
 */
public class CounterPlugin extends AbstractCounterPlugin {

    private CounterConfig config;

    @Override
    protected void init(CounterConfig config) {
        if (config.jitter() < 0) {
            throw new IllegalArgumentException("init_config key 'jitter' must not be negative, not " + config.jitter());
        }
        this.config = config;
        PluginLog.logger().log(System.Logger.Level.INFO, "counting with steps of 1 to {}", config.jitter() + 1);
    }

    @Override
    public SourceInstance open(String params) throws Exception {
        return CounterSourceInstance.open(params, config);
    }

    @Override
    public String eventToString(PluginEvent event) {
        Step step = Step.of(event);
        return "counter " + step.value() + " (from " + step.previous() + ")";
    }

    @Override
    protected long extractCount(ExtractRequest request) {
        return request.event().number();
    }

    @Override
    protected String extractMessage(ExtractRequest request) {
        // the payload's bytes as they are: no decoding into a String and encoding back
        request.setStringFromPayload(0, request.event().payloadLength());
        return null;
    }

    @Override
    protected boolean extractEven(ExtractRequest request) {
        return Step.of(request.event()).value() % 2 == 0;
    }

    @Override
    protected long extractValue(ExtractRequest request) {
        return Step.of(request.event()).value();
    }

    @Override
    protected boolean extractDivisible(ExtractRequest request) {
        long divisor = request.argumentIndex();
        if (divisor == 0) {
            request.noValue();
            return false;
        }
        return Long.remainderUnsigned(Step.of(request.event()).value(), divisor) == 0;
    }

    @Override
    protected List<Long> extractSteps(ExtractRequest request) {
        Step step = Step.of(request.event());
        return LongStream.rangeClosed(step.previous() + 1, step.value()).boxed().toList();
    }
}
