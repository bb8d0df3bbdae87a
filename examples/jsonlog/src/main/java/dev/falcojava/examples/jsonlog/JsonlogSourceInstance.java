package dev.falcojava.examples.jsonlog;

import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourceInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One JSON-lines file read from start to end: each non-blank line is an event. */
public class JsonlogSourceInstance implements SourceInstance {

    private static final int EVENTS_PER_BATCH = 64;

    private final BufferedReader reader;
    private final long size;
    private long read;

    private JsonlogSourceInstance(BufferedReader reader, long size) {
        this.reader = reader;
        this.size = size;
    }

    static JsonlogSourceInstance open(String params) throws IOException {
        if (params.isBlank()) {
            throw new IllegalArgumentException("open params must be the path of a JSON-lines file");
        }
        Path file = Path.of(params.strip());
        try {
            return new JsonlogSourceInstance(Files.newBufferedReader(file, StandardCharsets.UTF_8), Files.size(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("open params: no file " + file.toAbsolutePath());
        }
    }

    @Override
    public BatchResult nextBatch(EventBatch batch) throws IOException {
        while (batch.size() < EVENTS_PER_BATCH) {
            String line = reader.readLine();
            if (line == null) {
                return BatchResult.END_OF_STREAM;
            }
            read += line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (!line.isBlank()) {
                batch.add(line);
            }
        }
        return BatchResult.EVENTS;
    }

    @Override
    public Progress progress() {
        return new Progress(size == 0 ? 10_000 : (int) Math.min(10_000, read * 10_000 / size), null);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
