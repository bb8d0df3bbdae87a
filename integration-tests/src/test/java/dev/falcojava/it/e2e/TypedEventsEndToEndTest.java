package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import dev.falcojava.sdk.events.EventTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type of the SDK's event table, encoded by the native host's syscall encoder and read back by a plugin
 * through its typed view: each parameter, through its accessor, must read as encoded. Malformed events fail the view
 * with a message naming the event and the parameter, and the host keeps running.
 */
class TypedEventsEndToEndTest {

    private static final Pattern EVENT = Pattern.compile("^event (\\d+) source=syscall type=(\\d+) len=\\d+$");
    private static final Pattern FIELD = Pattern.compile("^  (typed\\.\\w+) = \"(.*)\"$");

    private static final String FAILED = "  extract failed: ";

    private static GeneratedProjects projects;
    private static Path library;

    @BeforeAll
    static void build() throws Exception {
        projects = new GeneratedProjects("typed-");
        library = projects.libraryOf("typed", "extract", Path.of("src/test/resources/typed-events"), "TypedPlugin.java");
    }

    @Test
    void infoShowsTheEventSchemaTheTypedViewsWereGeneratedFrom() throws Exception {
        FalcoPluginCli.Result info = FalcoPluginCli.run(Map.of(), "info", library.toString());
        assertEquals(0, info.exitCode(), info.output());
        assertThat(info.output()).contains("capabilities: extract\n")
                .contains("event schema: " + EventTypes.SCHEMA_VERSION + "\n")
                .doesNotContain("also exports:");
    }

    /** Field values by event number, from the host's output of --syscall-events. */
    private static Map<Long, Map<String, String>> run(List<String> lines, String... options) throws Exception {
        Path events = projects.syscallEvents(lines);
        List<String> arguments = new java.util.ArrayList<>(List.of("--cycles", "1", "--syscall-events", events.toString()));
        arguments.addAll(List.of(options));
        NativeHost.Run run = NativeHost.run(library, Map.of(), arguments.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.describe());
        Map<Long, Map<String, String>> fields = new HashMap<>();
        Map<String, String> current = null;
        for (String line : run.stdout().split("\n")) {
            Matcher event = EVENT.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (event.matches()) {
                current = new HashMap<>();
                fields.put(Long.parseLong(event.group(1)), current);
            } else if (line.startsWith(FAILED) && current != null) {
                current.put("failed", line.substring(FAILED.length()));
            } else if (field.matches() && current != null) {
                current.put(field.group(1), field.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeReadsBackEveryParameterThroughItsTypedView() throws Exception {
        List<SyscallEventSamples.Sample> samples = SyscallEventSamples.all();
        assertEquals(SyscallEventSamples.table().get("events").size(), samples.size());
        Map<Long, Map<String, String>> fields = run(samples.stream().map(SyscallEventSamples.Sample::line).toList());
        assertEquals(samples.size(), fields.size(), "one event delivered per sample line");
        return Stream.iterate(0, i -> i < samples.size(), i -> i + 1).map(i -> {
            SyscallEventSamples.Sample sample = samples.get(i);
            return DynamicTest.dynamicTest(sample.typeName() + " (" + sample.code() + ")", () -> {
                Map<String, String> values = fields.get(i + 1L);
                assertEquals(sample.expected(), values.get("typed.view"), sample.line());
            });
        });
    }

    @Test
    void docsEventsListsEveryEventTypeOfTheTable() throws Exception {
        String docs = Files.readString(Path.of("../docs/events.md"));
        for (SyscallEventSamples.Sample sample : SyscallEventSamples.all()) {
            assertTrue(docs.contains("| " + sample.code() + " | `" + sample.typeName() + "` |"),
                    "docs/events.md lacks " + sample.typeName() + " (" + sample.code() + ")");
        }
    }

    @Test
    void typedAccessorsAndFlagConstantsReadAnOpenat() throws Exception {
        Map<Long, Map<String, String>> fields = run(List.of(
                "307 FD=7 FD=-100 FSRELPATH=/etc/sha%20dow FLAGS32=0x206 UINT32=420 UINT32=2049 UINT64=131",
                "307 FD=8 FD=-100 FSRELPATH=/etc/passwd FLAGS32=1 UINT32=0 UINT32=2049 UINT64=132"));
        assertEquals("7 /etc/sha dow true", fields.get(1L).get("typed.openat"));
        assertEquals("8 /etc/passwd false", fields.get(2L).get("typed.openat"));
    }

    @Test
    void malformedEventsFailTheExtractionWithAMessageNamingTheEventAndTheParameter() throws Exception {
        Map<Long, Map<String, String>> fields = run(List.of(
                "307 FD=7 FD=-100",
                "307 FD=~ FD=-100 FSRELPATH=/x FLAGS32=1 UINT32=0 UINT32=0 UINT64=0",
                "23 ERRNO=0 SOCKTUPLE=~ FD=3 SOCKADDR=none",
                "23 ERRNO=0 RAW=020a000001 FD=3 SOCKADDR=none",
                "81 ERRNO=1 RAW=0300030000000000000001 INT64=0",
                "5 RAW=00000000 FD=3"), "--allow-extract-failure");
        assertFailed(fields.get(1L), "openat_x (code 307), parameter 2 'name': missing: the event has 2 parameters, the type 7");
        assertFailed(fields.get(2L), "openat_x (code 307), parameter 0 'fd': has 0 bytes, its type 8");
        assertEquals("connect_x res=0 tuple=none fd=3 addr=none", fields.get(3L).get("typed.view"),
                "an empty tuple is a tuple of no family");
        assertFailed(fields.get(4L), "connect_x (code 23), parameter 1 'tuple': a socket tuple of family 2 has 13 bytes, this one 5");
        assertFailed(fields.get(5L), "poll_x (code 81), parameter 1 'fds': an fd list of 3 entries has 32 bytes, this one 11");
        assertFailed(fields.get(6L), "close_x (code 5), parameter 0 'res': has 4 bytes, its type 8");
    }

    private static void assertFailed(Map<String, String> fields, String message) {
        assertTrue(fields.get("failed") != null && fields.get("failed").contains(message), fields + " lacks " + message);
        assertTrue(!fields.containsKey("typed.view"), fields.toString());
    }
}
