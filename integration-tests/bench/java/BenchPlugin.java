package com.example.bench;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.SourceInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Java side of the benchmarks: the same plugin as native/c_bench_plugin.c. */
public class BenchPlugin extends AbstractBenchPlugin {

    private static final byte[] PAYLOAD = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\0"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int BATCH = 128;
    private static final List<String> WORDS = List.of("word0", "word1", "word2", "word3", "word4", "word5", "word6", "word7");

    private long parsed;

    @Override
    public void init(String config) {
    }

    @Override
    public SourceInstance open(String params) {
        return (EventBatch batch) -> {
            for (int i = 0; i < BATCH; i++) {
                batch.add(EventBatch.HOST_TIMESTAMP, PAYLOAD, 0, PAYLOAD.length);
            }
            return BatchResult.EVENTS;
        };
    }

    @Override
    protected long extractCount(ExtractRequest request) {
        return request.event().number();
    }

    @Override
    protected String extractMessage(ExtractRequest request) {
        return "bench event";
    }

    @Override
    protected boolean extractEven(ExtractRequest request) {
        return request.event().number() % 2 == 0;
    }

    @Override
    protected long extractFirst(ExtractRequest request) {
        return request.event().payloadByte(0);
    }

    @Override
    protected List<String> extractWords(ExtractRequest request) {
        return WORDS;
    }

    @Override
    protected long extractParsed(ExtractRequest request) {
        return parsed;
    }

    @Override
    protected String extractPayload(ExtractRequest request) {
        request.setStringFromPayload(0, request.event().payloadLength() - 1);
        return null;
    }

    @Override
    public void parse(PluginEvent event) {
        parsed++;
    }
}
