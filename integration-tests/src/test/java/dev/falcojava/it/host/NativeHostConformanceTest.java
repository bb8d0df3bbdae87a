package dev.falcojava.it.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native test host is the referee of every generated plugin, so it is itself tested: a correct C plugin
 * passes with exactly the expected output, and every broken variant is refused with the loader's reason.
 */
class NativeHostConformanceTest {

    private static final Path FIXTURE = Path.of(System.getProperty("falco.nativeSources", "src/test/native"))
            .resolve("fixtures/c_dummy_plugin.c");
    private static final Path LIBRARIES = Path.of(System.getProperty("falco.buildDir", "target")).resolve("fixtures");

    private static Path fixture(String variant) throws Exception {
        String[] flags = variant.isEmpty() ? new String[0] : new String[] {"-DBROKEN_" + variant};
        return NativeHost.compileLibrary(FIXTURE, LIBRARIES.resolve("libc-dummy" + variant + ".so").toAbsolutePath(), flags);
    }

    @Test
    void aCorrectPluginPassesWithItsEventsAndFields() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(""), Map.of(), "--expect-caps", "source,extract", "--events", "10", "--cycles", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("""
                plugin name=c-dummy version=1.2.3 api=3.0.0 id=999 source=dummy
                description="A \\"dummy\\" plugin in C"
                contact="nobody"
                capabilities source extract
                field dummy.value type=uint64 list=0 arg=none desc="the event number"
                field dummy.name type=string list=0 arg=none desc="the payload"
                field dummy.even type=bool list=0 arg=none desc="whether the number is even"
                cycle 1
                event 1 len=45 payload="event-1"
                  dummy.value = 1
                  dummy.name = "event-1"
                  dummy.even = false
                  to_string = "dummy event-1"
                event 2 len=45 payload="event-2"
                  dummy.value = 2
                  dummy.name = "event-2"
                  dummy.even = true
                  to_string = "dummy event-2"
                event 3 len=45 payload="event-3"
                  dummy.value = 3
                  dummy.name = "event-3"
                  dummy.even = false
                  to_string = "dummy event-3"
                ok
                """, run.stdout());
    }

    @Test
    void openParamsAndSelectedFieldsReachThePlugin() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(""), Map.of(), "--open-params", "max=5", "--fields", "dummy.even",
                "--events", "10", "--cycles", "2");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("event 5 len=45 payload=\"event-5\"\n  dummy.even = false\n");
        assertThat(run.stdout()).contains("cycle 2\n");
        assertThat(run.stdout()).doesNotContain("dummy.value =");
    }

    @Test
    void trainingOptionsWithoutATrainingRunAreAnError() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(""), Map.of(), "--aot-jvm-options", "-Xint", "--events", "1");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals("FAIL: --aot-jvm-options needs --aot-train\n", run.stderr(), run.describe());
    }

    @Test
    void aFieldThePluginDoesNotHaveIsAnErrorAsInLibsinsp() throws Exception {
        for (NativeHost.Run run : new NativeHost.Run[] {
                NativeHost.run(fixture(""), Map.of(), "--metadata-only", "--fields", "dummy.value,ka.nope"),
                NativeHost.run(fixture(""), Map.of(), "--events", "1", "--cycles", "1", "--fields", "dummy.value,ka.nope")}) {
            assertEquals(1, run.exitCode(), run.describe());
            assertEquals("FAIL: --fields names ka.nope, which the plugin does not export\n", run.stderr(), run.describe());
            assertThat(run.stdout().strip()).as(run::describe).doesNotEndWith("ok");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            API_VERSION_TEXT        | plugin_get_required_api_version '3.x' is not major.minor.patch
            API_MAJOR               | not compatible with the framework's API version '3.12.0': major versions disagree
            API_MINOR               | framework's minor is less than the requested one
            INIT_FAILS              | could not initialize plugin: init refused on purpose
            NO_LAST_ERROR           | required symbol not implemented: 'get_last_error'
            EXTRA_SYMBOL            | the library exports plugin_make_coffee, which is not a plugin API function
            PARSE_SYMBOL            | the library exports plugin_parse_event of the undeclared capability parse
            ID_WITHOUT_SOURCE       | must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither
            OPEN_WITHOUT_NEXT_BATCH | must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch'
            EVENT_TYPE              | malformed plugin event 1: type 1 with 2 parameters
            PLUGIN_ID               | unexpected plugin ID in plugin event: expected_id=999, actual_id=7
            EVENT_LENGTH            | plugin event 1: length 48 does not match its parameters
            FIELDS_JSON             | get_fields returned an invalid JSON
            FIELDS_NO_DESC          | field dummy.value has no desc
            FIELDS_TYPE             | field dummy.value: invalid field type uint32
            FIELDS_DUPLICATE        | field dummy.value is declared twice
            EXTRACT_FAILS           | extract_fields failed: extraction refused on purpose
            CLOBBER_BATCH           | the plugin changed batch event 1 before the next next_batch call
            TWO_VALUES              | field dummy.value is not a list but got 2 values
            SHARED_RESULT_MEMORY    | field dummy.name: the value changed from "event-1" to "dummy event-1"
            """)
    void aBrokenPluginIsRefusedWithTheReason(String variant, String reason) throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(variant), Map.of(), "--expect-caps", "source,extract", "--events", "5", "--cycles", "1");
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe).startsWith("FAIL: ");
        assertThat(run.stderr()).as(run::describe).contains(reason);
    }

    @Test
    void theCapabilitiesMustBeExactlyTheExpectedOnes() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(""), Map.of(), "--expect-caps", "source", "--metadata-only");
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe)
                .contains("the library exports plugin_get_fields of the undeclared capability extract");
    }

    @Test
    void anOlderFrameworkRefusesANewerPlugin() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(""), Map.of(), "--api-version", "2.9.0", "--metadata-only");
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe).contains("major versions disagree");
    }

    @Test
    void anExpectedInitFailureIsReportedWithTheLastError() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture("INIT_FAILS"), Map.of(), "--expect-init-failure");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe).contains("init failed: init refused on purpose");
    }

    private static final String[] LEAK_CHECK = {"--cycles", "20", "--events", "2", "--check-leaks", "--leak-warmup", "5",
            "--leak-rss-kib", "4096", "--leak-quiet-ms", "0"};

    @Test
    void theLeakCheckPassesAPluginThatGivesBackWhatItTook() throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(""), Map.of(), LEAK_CHECK);
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(20, run.stdout().lines().filter(line -> line.startsWith("leak check: cycle ")).count(), run.stdout());
        assertThat(run.stdout()).contains("leak check: 20 cycles: ");
        assertThat(run.stdout()).contains(": no leak\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LEAKS_DESCRIPTOR | descriptors grew: 
            LEAKS_MEMORY     | VmRSS grew by
            LEAKS_THREAD     | threads grew:
            """)
    void theLeakCheckFailsAPluginThatKeepsSomethingPerCycle(String variant, String reason) throws Exception {
        NativeHost.Run run = NativeHost.run(fixture(variant), Map.of(), LEAK_CHECK);
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe).startsWith("FAIL: " + reason);
        assertThat(run.stdout()).contains(": LEAK\n");
    }

    @Test
    void leakSmapsNamesTheMappingsWhoseResidentMemoryGrew() throws Exception {
        List<String> arguments = new ArrayList<>(List.of(LEAK_CHECK));
        arguments.add("--leak-smaps");
        NativeHost.Run run = NativeHost.run(fixture("LEAKS_MEMORY"), Map.of(), arguments.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.stdout().lines().anyMatch(line -> line.matches("leak check: mapping [0-9a-f]+ \\(\\d+ KiB, rw-p\\) "
                + "\\[anon]: resident \\d+ -> \\d+ KiB")), run.stdout());
        Matcher total = Pattern.compile("leak check: mappings that grew by 256 KiB or more: (\\d+) KiB in all\n")
                .matcher(run.stdout());
        assertTrue(total.find(), run.stdout());
        assertTrue(Long.parseLong(total.group(1)) >= 14 * 1024, "the plugin kept 1 MiB in each of cycles 6 to 20:\n"
                + run.stdout());
    }

    @Test
    void reloadUnloadsAndLoadsTheLibraryAgainInEveryCycle() throws Exception {
        Path library = fixture("");
        NativeHost.Run run = NativeHost.run(library, Map.of(), "--cycles", "5", "--events", "2", "--reload");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(5, run.stdout().lines().filter(line -> line.equals("unload: " + library + " unloaded")).count(), run.stdout());
        assertEquals(1, run.stdout().lines().filter(line -> line.startsWith("plugin name=c-dummy")).count(), run.stdout());
        assertThat(run.stdout()).contains("cycle 5\n");
    }
}
