package dev.falcojava.examples.counter;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourceInstance;
import dev.falcojava.sdk.config.ConfigObject;
import dev.falcojava.sdk.config.InvalidConfigException;

import java.util.List;
import java.util.Random;

/**
 * One stream of counter events. Open params: a JSON object with {@code start} (default 1) and {@code maxEvents}
 * (default 20), for example {@code {"start": 1, "maxEvents": 20}}.
 */
public class CounterSourceInstance implements SourceInstance {

    private static final int EVENTS_PER_BATCH = 16;

    private final long maxEvents;
    private final long jitter;
    private final Random random;
    private long value;
    private long sent;

    private CounterSourceInstance(long start, long maxEvents, long jitter, long seed) {
        this.value = start - 1;
        this.maxEvents = maxEvents;
        this.jitter = jitter;
        this.random = seed == 0 ? new Random() : new Random(seed);
    }

    static CounterSourceInstance open(String params, CounterConfig config) throws InvalidConfigException {
        ConfigObject object = ConfigObject.parse(params.isBlank() ? "{}" : params, List.of("start", "maxEvents"));
        long start = object.integer("start", 1L);
        long maxEvents = object.integer("maxEvents", 20L);
        if (maxEvents < 0) {
            throw new IllegalArgumentException("open params: maxEvents must not be negative, not " + maxEvents);
        }
        return new CounterSourceInstance(start, maxEvents, config.jitter(), config.seed());
    }

    @Override
    public BatchResult nextBatch(EventBatch batch) {
        for (int i = 0; i < EVENTS_PER_BATCH && sent < maxEvents; i++) {
            long previous = value;
            value = sent == 0 ? value + 1 : value + 1 + (jitter == 0 ? 0 : random.nextLong(jitter + 1));
            batch.add(new Step(previous, value).payload());
            sent++;
        }
        return sent >= maxEvents ? BatchResult.END_OF_STREAM : BatchResult.EVENTS;
    }

    @Override
    public Progress progress() {
        return maxEvents == 0 ? Progress.of(1) : Progress.of((double) sent / maxEvents);
    }
}
