package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A generated plugin whose user code fails on purpose, in the callback and the way its init config says:
 * exceptions, Errors, heap exhaustion, stack overflow, results over the limits. Each failure must reach the
 * host as a failure code and a last error naming it; the host never crashes, and where the API allows, the
 * plugin goes on working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionEndToEndTest {

    private static final String PLUGIN = """
            package com.example.faults;

            import dev.falcojava.sdk.api.ExtractRequest;
            import dev.falcojava.sdk.api.PluginEvent;
            import dev.falcojava.sdk.api.SourceInstance;

            import java.util.ArrayList;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            public class FaultsPlugin extends AbstractFaultsPlugin {

                private final Map<String, String> faults = new HashMap<>();

                @Override
                public void init(String config) {
                    for (String pair : config.split(",")) {
                        if (!pair.isBlank()) {
                            String[] keyValue = pair.split("=");
                            faults.put(keyValue[0], keyValue[1]);
                        }
                    }
                    inject("init");
                }

                void inject(String callback) {
                    String fault = faults.get(callback);
                    if (fault == null || fault.equals("huge")) {
                        return;
                    }
                    switch (fault) {
                        case "throw" -> throw new IllegalStateException("injected " + callback + " failure");
                        case "error" -> throw new AssertionError("injected " + callback + " error");
                        case "oom" -> exhaustHeap();
                        case "soe" -> recurse(0);
                        default -> throw new IllegalArgumentException("unknown fault " + fault);
                    }
                }

                boolean faultIs(String callback, String fault) {
                    return fault.equals(faults.get(callback));
                }

                private static void exhaustHeap() {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 17]);
                    }
                }

                private static int recurse(int depth) {
                    return recurse(depth + 1) + 1;
                }

                @Override
                public void destroy() {
                    inject("destroy");
                }

                @Override
                public SourceInstance open(String params) {
                    inject("open");
                    return new FaultsSourceInstance(this, params);
                }

                @Override
                public String eventToString(PluginEvent event) {
                    inject("tostring");
                    return event.payloadAsString();
                }

                @Override
                protected long extractCount(ExtractRequest request) {
                    if (request.event().number() == 2) {
                        inject("extract");
                    }
                    return request.event().number();
                }

                @Override
                protected String extractMessage(ExtractRequest request) {
                    if (request.event().number() == 2 && faultIs("extract", "huge")) {
                        return "x".repeat(20_000_000);
                    }
                    return request.event().payloadAsString();
                }

                @Override
                protected boolean extractEven(ExtractRequest request) {
                    return request.event().number() % 2 == 0;
                }
            }
            """;

    private static final String INSTANCE = """
            package com.example.faults;

            import dev.falcojava.sdk.api.BatchResult;
            import dev.falcojava.sdk.api.EventBatch;
            import dev.falcojava.sdk.api.SourceInstance;

            public class FaultsSourceInstance implements SourceInstance {

                private final FaultsPlugin plugin;
                private final long max;
                private long next = 1;

                FaultsSourceInstance(FaultsPlugin plugin, String params) {
                    this.plugin = plugin;
                    this.max = params.startsWith("max=") ? Long.parseLong(params.substring(4)) : 10;
                }

                @Override
                public BatchResult nextBatch(EventBatch batch) {
                    plugin.inject("next");
                    if (plugin.faultIs("next", "huge")) {
                        byte[] megabyte = new byte[1 << 20];
                        for (int i = 0; i < 300; i++) {
                            batch.add(megabyte);
                        }
                    }
                    for (int i = 0; i < 4 && next <= max; i++) {
                        batch.add("faults event " + next++);
                    }
                    return next > max ? BatchResult.END_OF_STREAM : BatchResult.EVENTS;
                }

                @Override
                public void close() {
                    plugin.inject("close");
                }
            }
            """;

    private Path library;

    @BeforeAll
    void buildThePluginWithFaultInjection() throws Exception {
        Path project = new GeneratedProjects("faults-").newAndBuild("faults", List.of(), dir -> {
            Path sources = dir.resolve("src/main/java/com/example/faults");
            Files.writeString(sources.resolve("FaultsPlugin.java"), PLUGIN);
            Files.writeString(sources.resolve("FaultsSourceInstance.java"), INSTANCE);
        }, "--shared");
        library = project.resolve("target/libfaults.so");
    }

    private NativeHost.Run host(String config, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--config", config, "--events", "4", "--cycles", "1"));
        arguments.addAll(List.of(options));
        NativeHost.Run run = NativeHost.run(library, Map.of(), arguments.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "the host crashed: " + run.describe());
        return run;
    }

    @ParameterizedTest(name = "init={0}")
    @CsvSource(delimiter = '|', textBlock = """
            throw | init failed: init: injected init failure
            error | init failed: init: java.lang.AssertionError: injected init error
            oom   | init failed: init: java.lang.OutOfMemoryError
            soe   | init failed: init: java.lang.StackOverflowError
            """)
    void aFailingInitIsReportedAndTheStateCanBeDestroyed(String fault, String expected) throws Exception {
        NativeHost.Run run = host("init=" + fault, "--expect-init-failure");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            open=throw     | open failed (rc 1): open: injected open failure
            open=error     | open failed (rc 1): open: java.lang.AssertionError: injected open error
            next=throw     | next_batch failed: next_batch: injected next failure
            next=oom       | next_batch failed: next_batch: java.lang.OutOfMemoryError
            next=huge      | next_batch failed: next_batch: event batch of 
            tostring=throw | event_to_string returned NULL: event_to_string: injected tostring failure
            tostring=soe   | event_to_string returned NULL: event_to_string: java.lang.StackOverflowError
            """)
    void aFailingCallbackFailsTheCallWithItsMessageAndTheHostSurvives(String config, String expected) throws Exception {
        NativeHost.Run run = host(config);
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe).startsWith("FAIL: ");
        assertThat(run.stderr()).as(run::describe).contains(expected);
    }

    @ParameterizedTest(name = "extract={0}")
    @CsvSource(delimiter = '|', textBlock = """
            throw | extracting faults.count: injected extract failure
            error | extracting faults.count: java.lang.AssertionError: injected extract error
            oom   | extracting faults.count: java.lang.OutOfMemoryError
            soe   | extracting faults.count: java.lang.StackOverflowError
            huge  | extract_fields: extracted values of 
            """)
    void aFailingExtractionFailsThatEventOnlyAndThePluginGoesOn(String fault, String expected) throws Exception {
        NativeHost.Run run = host("extract=" + fault, "--allow-extract-failure");
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertThat(out).as(run::describe).contains("extract failed: " + expected);
        assertThat(out).as(run::describe).contains("  faults.count = 3\n");
        assertThat(out).as(run::describe).contains("  faults.message = \"faults event 4\"\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"close=throw", "destroy=throw", "close=oom", "destroy=soe"})
    void aFailingCloseOrDestroyCannotReportButDoesNotHurtTheHost(String config) throws Exception {
        NativeHost.Run run = host(config, "--cycles", "2");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe).contains("cycle 2\n");
        assertThat(run.stdout().strip()).as(run::describe).endsWith("ok");
    }
}
