package com.example.allp;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.IpNetwork;
import dev.falcojava.sdk.api.Metric;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourceInstance;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every capability and field type with known values, for the end-to-end test in the native host and for the harness
 * test (AllpPluginTest) that runs in the generated project's build.
 */
public class AllpPlugin extends AbstractAllpPlugin {

    private long parsed;
    private boolean captureOpen;
    private Thread producer;

    @Override
    public void init(String config) {
        PluginLog.logger().log(System.Logger.Level.INFO, "initialized with '{}'", config);
        PluginLog.logger("allp-audit").log(System.Logger.Level.WARNING, "a warning");
        PluginLog.logger("allp-audit").log(System.Logger.Level.DEBUG, "hidden at the default level");
    }

    @Override
    public SourceInstance open(String params) {
        return new CountedInstance(new AllpSourceInstance(params), AllpSourceInstance.maxEvents(params));
    }

    /** The generated stream, reporting how many of its events it has delivered as its progress. */
    private static final class CountedInstance implements SourceInstance {
        private final SourceInstance events;
        private final long max;
        private long delivered;

        CountedInstance(SourceInstance events, long max) {
            this.events = events;
            this.max = max;
        }

        @Override
        public BatchResult nextBatch(EventBatch batch) throws Exception {
            BatchResult result = events.nextBatch(batch);
            delivered += batch.size();
            return result;
        }

        @Override
        public Progress progress() {
            return new Progress((int) (delivered * 10_000 / Math.max(max, 1)), delivered + " of " + max);
        }
    }

    @Override
    protected long extractCount(ExtractRequest request) {
        return request.event().number();
    }

    @Override
    protected String extractMessage(ExtractRequest request) {
        return request.event().payloadAsString();
    }

    @Override
    protected boolean extractEven(ExtractRequest request) {
        return request.event().number() % 2 == 0;
    }

    @Override
    protected Duration extractAge(ExtractRequest request) {
        return Duration.ofMillis(1500).plusNanos(request.event().number());
    }

    @Override
    protected Instant extractAt(ExtractRequest request) {
        return Instant.ofEpochSecond(1_700_000_000L, request.event().number());
    }

    @Override
    protected InetAddress extractIp(ExtractRequest request) throws Exception {
        return InetAddress.getByName("192.168.0." + request.event().number());
    }

    @Override
    protected IpNetwork extractNet(ExtractRequest request) throws Exception {
        return new IpNetwork(InetAddress.getByName("2001:db8::" + request.event().number()));
    }

    @Override
    protected List<String> extractWords(ExtractRequest request) {
        return Arrays.asList(request.event().payloadAsString().split(" "));
    }

    @Override
    protected List<Long> extractNumbers(ExtractRequest request) {
        long n = request.event().number();
        return n % 3 == 0 ? List.of() : List.of(n, n * n);
    }

    @Override
    protected String extractWord(ExtractRequest request) {
        String[] words = request.event().payloadAsString().split(" ");
        long index = request.argumentIndex();
        return index < words.length ? words[(int) index] : null;
    }

    @Override
    protected String extractLabel(ExtractRequest request) {
        return request.hasArgument() ? "key " + request.argumentKey() : "no key";
    }

    @Override
    protected List<Boolean> extractFlags(ExtractRequest request) {
        long n = request.event().number();
        return List.of(n % 2 == 0, n % 2 == 1);
    }

    @Override
    protected List<Duration> extractAges(ExtractRequest request) {
        return List.of(Duration.ofNanos(request.event().number()), Duration.ofSeconds(1));
    }

    @Override
    protected List<Instant> extractAts(ExtractRequest request) {
        return List.of(Instant.ofEpochSecond(0, request.event().number()), Instant.ofEpochSecond(1));
    }

    @Override
    protected List<InetAddress> extractIps(ExtractRequest request) throws Exception {
        return List.of(InetAddress.getByName("10.0.0." + request.event().number()), InetAddress.getByName("fe80::1"));
    }

    @Override
    protected List<IpNetwork> extractNets(ExtractRequest request) throws Exception {
        return List.of(new IpNetwork(InetAddress.getByName("10.0.0.0")), new IpNetwork(InetAddress.getByName("2001:db8::")));
    }

    @Override
    protected long extractNth(ExtractRequest request) {
        long n = request.event().number();
        return request.hasArgument() ? request.argumentIndex() * n : n;
    }

    @Override
    protected InetAddress extractHost(ExtractRequest request) throws Exception {
        return switch (request.argumentKey()) {
            case "local" -> InetAddress.getByName("127.0.0.1");
            case "six" -> InetAddress.getByName("::1");
            default -> null;
        };
    }

    @Override
    protected long extractParsed(ExtractRequest request) {
        return parsed;
    }

    @Override
    public void parse(PluginEvent event) {
        if (!captureOpen) {
            throw new IllegalStateException("event " + event.number() + " parsed outside a capture");
        }
        parsed++;
    }

    @Override
    public void startAsync(AsyncEvents events) {
        producer = Thread.ofPlatform().name("allp-async").start(() -> {
            for (int i = 1; i <= 3; i++) {
                events.push("allp_tick", "tick " + i);
            }
        });
    }

    @Override
    public void stopAsync() throws InterruptedException {
        producer.join();
    }

    @Override
    public void captureOpened() {
        captureOpen = true;
    }

    @Override
    public void captureClosed() {
        captureOpen = false;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.counter("allp.parsed", parsed), Metric.gauge("allp.ratio", 0.25));
    }
}
