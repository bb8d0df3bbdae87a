package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.AsyncPlugin;
import dev.falcojava.sdk.api.BatchResult;
import dev.falcojava.sdk.api.CaptureListener;
import dev.falcojava.sdk.api.EventBatch;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldArgument;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.IpNetwork;
import dev.falcojava.sdk.api.Metric;
import dev.falcojava.sdk.api.MetricsPlugin;
import dev.falcojava.sdk.api.OpenParam;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.Progress;
import dev.falcojava.sdk.api.SourceInstance;
import dev.falcojava.sdk.api.SourcePlugin;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A plugin with every capability and every field type, for the harness tests. */
public class AllFeaturesPlugin implements SourcePlugin, ExtractPlugin, ParsePlugin, AsyncPlugin, CaptureListener, MetricsPlugin {

    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("all.u64", FieldType.UINT64, "number"),
            new FieldDefinition("all.text", FieldType.STRING, "payload"),
            new FieldDefinition("all.flag", FieldType.BOOL, "even"),
            new FieldDefinition("all.age", FieldType.RELTIME, "a duration"),
            new FieldDefinition("all.at", FieldType.ABSTIME, "an instant"),
            new FieldDefinition("all.ip", FieldType.IPADDR, "an address"),
            new FieldDefinition("all.net", FieldType.IPNET, "a network"),
            new FieldDefinition("all.words", FieldType.STRING, true, FieldArgument.NONE, "payload words"),
            new FieldDefinition("all.ips", FieldType.IPADDR, true, FieldArgument.NONE, "two addresses"),
            new FieldDefinition("all.word", FieldType.STRING, false, FieldArgument.REQUIRED_INDEX, "word by index"),
            new FieldDefinition("all.label", FieldType.STRING, false, FieldArgument.OPTIONAL_KEY, "key echo"),
            new FieldDefinition("all.parsed", FieldType.UINT64, "events parsed so far"));

    private long parsed;
    private boolean captureOpen;
    private Thread producer;

    @Override
    public PluginInfo info() {
        return new PluginInfo("all", "1.0.0", "every feature", "nobody", "3.7.0");
    }

    @Override
    public void init(String config) {
        PluginLog.logger().log(System.Logger.Level.INFO, "init with {0}", config);
        PluginLog.logger("all-debug").log(System.Logger.Level.DEBUG, "not shown at the default level");
        PluginLog.logger("all-warn").log(System.Logger.Level.WARNING, "careful");
    }

    @Override
    public int pluginId() {
        return 999;
    }

    @Override
    public String eventSource() {
        return "all";
    }

    @Override
    public List<OpenParam> openParams() {
        return List.of(new OpenParam("a;b", "two \"things\"", ";"), new OpenParam("c", ""));
    }

    @Override
    public SourceInstance open(String params) {
        return new SourceInstance() {
            private int sent;

            @Override
            public BatchResult nextBatch(EventBatch batch) {
                sent++;
                batch.add("alpha beta " + sent);
                return sent == 4 ? BatchResult.END_OF_STREAM : BatchResult.EVENTS;
            }

            @Override
            public Progress progress() {
                return new Progress(sent * 2500, sent + " of 4");
            }
        };
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public void extract(ExtractRequest request) throws Exception {
        PluginEvent event = request.event();
        switch (request.fieldId()) {
            case 0 -> request.setU64(event.number());
            case 1 -> request.setString(event.payloadAsString());
            case 2 -> request.setBool(event.number() % 2 == 0);
            case 3 -> request.setRelTime(Duration.ofMillis(1500));
            case 4 -> request.setAbsTime(Instant.ofEpochSecond(1_700_000_000L, 42));
            case 5 -> request.setIpAddr(InetAddress.getByName("10.1.2.3"));
            case 6 -> request.setIpNet(new IpNetwork(InetAddress.getByName("2001:db8::")));
            case 7 -> {
                for (String word : event.payloadAsString().split(" ")) {
                    request.addString(word);
                }
            }
            case 8 -> {
                request.addIpAddr(InetAddress.getByName("127.0.0.1"));
                request.addIpAddr(InetAddress.getByName("::1"));
            }
            case 9 -> {
                String[] words = event.payloadAsString().split(" ");
                long index = request.argumentIndex();
                request.setString(index < words.length ? words[(int) index] : null);
            }
            case 10 -> request.setString(request.hasArgument() ? "key=" + request.argumentKey() : "no key");
            case 11 -> request.setU64(parsed);
            default -> throw new IllegalArgumentException("unknown field " + request.fieldId());
        }
    }

    @Override
    public void parse(PluginEvent event) {
        if (!captureOpen) {
            throw new IllegalStateException("parse before capture open");
        }
        parsed++;
    }

    @Override
    public List<String> asyncEvents() {
        return List.of("tick");
    }

    @Override
    public void startAsync(AsyncEvents events) {
        producer = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= 3; i++) {
                events.push("tick", "tick " + i);
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
        return List.of(Metric.counter("all.parsed", parsed), Metric.gauge("all.ratio", 0.5));
    }
}
