package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A CLI-generated plugin with every capability (source, extract, parse, async, capture listening, metrics) and every
 * field type, scalar and list, with and without arguments, loaded by the native host: each value is checked as the
 * host reads it from the plugin's memory. The project's own harness test (AllpPluginTest) checks the same plugin through
 * the test harness in the project's build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryCapabilityEndToEndTest {

    private static final Path RESOURCES = Path.of("src/test/resources/every-capability");
    private static final String FIELDS = "allp.count,allp.message,allp.even,allp.age,allp.at,allp.ip,allp.net,allp.words,"
            + "allp.numbers,allp.word[1],allp.word[5],allp.label[k1],allp.label,allp.flags,allp.ages,allp.ats,allp.ips,allp.nets,"
            + "allp.nth,allp.nth[10],allp.host[local],allp.host[six],allp.host[none],allp.parsed";

    private Path library;
    private Path harnessReport;

    @BeforeAll
    void buildThePlugin() throws Exception {
        Path project = new GeneratedProjects("every-").newAndBuild("allp",
                List.of("--capabilities", "source,extract,parse,async,capture-listen", "--id", "999"), dir -> {
                    GeneratedProjects.replace(dir, "plugin.yaml", RESOURCES.resolve("plugin.yaml"));
                    GeneratedProjects.replace(dir, "src/main/java/com/example/allp/AllpPlugin.java", RESOURCES.resolve("AllpPlugin.java"));
                    GeneratedProjects.replace(dir, "src/test/java/com/example/allp/AllpPluginTest.java",
                            RESOURCES.resolve("AllpPluginTest.java"));
                });
        library = project.resolve("target/liballp.so");
        harnessReport = project.resolve("target/surefire-reports/TEST-com.example.allp.AllpPluginTest.xml");
    }

    @Test
    void theHarnessTestOfThePluginRanInItsBuildAndPassed() throws Exception {
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(harnessReport.toFile())
                .getDocumentElement();
        assertEquals(List.of("6", "0", "0", "0"), Stream.of("tests", "failures", "errors", "skipped")
                .map(suite::getAttribute).toList(), () -> "tests, failures, errors, skipped of " + harnessReport);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(List.of(
                        "aRequiredArgumentMissingFailsNamingTheField(PluginHarness, OpenSource)",
                        "anIndexPastTheEndAnUnknownKeyAndAnEmptyListAreNoValue(PluginHarness, OpenSource)",
                        "asyncEventsArriveEncodedAndStopWithTheHandler(PluginHarness)",
                        "everyFieldTypeScalarAndListWithAndWithoutArguments(PluginHarness, OpenSource)",
                        "logLinesReachTheHostWithTheirSeverityAndDebugStaysBelowTheDefaultLevel(PluginHarness)",
                        "parseCaptureMetricsOpenParamsAndProgress(PluginHarness, OpenSource)"),
                IntStream.range(0, cases.getLength()).mapToObj(i -> ((Element) cases.item(i)).getAttribute("name"))
                        .sorted().toList());
    }

    private NativeHost.Run host(String... arguments) throws Exception {
        return NativeHost.run(library, Map.of(), arguments);
    }

    @Test
    void exportsExactlyTheDeclaredCapabilitiesAndDescribesEveryField() throws Exception {
        NativeHost.Run run = host("--metadata-only", "--expect-caps", "source,extract,parse,async,capture-listen");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).contains("plugin name=allp version=0.1.0 api=3.8.0 id=999 source=allp\n");
        assertThat(run.stdout())
                .contains("""
                field allp.ip type=ipaddr list=0 arg=none display="Address" desc="An address"
                field allp.net type=ipnet list=0 arg=none properties=info desc="A network"
                field allp.words type=string list=1 arg=none addOutput desc="The payload words"
                field allp.numbers type=uint64 list=1 arg=none desc="Two numbers"
                field allp.word type=string list=0 arg=index,required desc="A word by index"
                field allp.label type=string list=0 arg=key properties=hidden,conversation desc="Echo of the key"
                field allp.flags type=bool list=1 arg=none desc="Even, odd"
                field allp.ages type=reltime list=1 arg=none desc="Two durations"
                field allp.ats type=abstime list=1 arg=none desc="Two instants"
                field allp.ips type=ipaddr list=1 arg=none desc="An IPv4 and an IPv6 address"
                field allp.nets type=ipnet list=1 arg=none desc="Two networks"
                field allp.nth type=uint64 list=0 arg=index desc="The argument times the event number, or the number"
                field allp.host type=ipaddr list=0 arg=key,required desc="The address named by the key"
                """);
    }

    @Test
    void everyFieldTypeScalarAndListWithAndWithoutArgumentsByteForByte() throws Exception {
        NativeHost.Run run = host("--events", "4", "--cycles", "1", "--open-params", "max=4", "--expect-async", "3",
                "--fields", FIELDS);
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout())
                .contains("""
                event 2 len=50 payload="allp event 2"
                  parsed
                  allp.count = 2
                  allp.message = "allp event 2"
                  allp.even = true
                  allp.age = 1500000002
                  allp.at = 1700000000000000002
                  allp.ip = 192.168.0.2
                  allp.net = 2001:db8::2
                  allp.words = ["allp", "event", "2"]
                  allp.numbers = [2, 4]
                  allp.word[1] = "event"
                  allp.word[5] = <none>
                  allp.label[k1] = "key k1"
                  allp.label = "no key"
                  allp.flags = [true, false]
                  allp.ages = [2, 1000000000]
                  allp.ats = [2, 1000000000]
                  allp.ips = [10.0.0.2, fe80::1]
                  allp.nets = [10.0.0.0, 2001:db8::]
                  allp.nth = 2
                  allp.nth[10] = 20
                  allp.host[local] = 127.0.0.1
                  allp.host[six] = ::1
                  allp.host[none] = <none>
                  allp.parsed = 2
                  to_string = "allp event 2"
                """);
        assertThat(run.stdout()).as(() -> "an empty list is no value: " + run.stdout())
                .contains("  allp.numbers = <none>\n");
    }

    @Test
    void parseAsyncCaptureMetricsOpenParamsAndLogsReachTheHost() throws Exception {
        NativeHost.Run run = host("--events", "4", "--cycles", "1", "--open-params", "max=4", "--expect-async", "3",
                "--fields", "allp.count");
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.stdout();
        assertThat(out)
                .contains("""
                log 6 -: initialized with ''
                log 4 allp-audit: a warning
                cycle 1
                extract event sources: ["allp"]
                extract event types: 322
                parse event types: 322
                open params="[{\\"value\\":\\"max=3\\",\\"desc\\":\\"three \\\\\\"events\\\\\\"\\"},{\\"value\\":\\"max=1;max=2\\",\\"desc\\":\\"one or two\\",\\"separator\\":\\";\\"},{\\"value\\":\\"max=0\\"}]"
                capture open
                async events: ["allp_tick"]
                """);
        assertThat(out)
                .contains("""
                progress pct=10000 text="4 of 4"
                async name=allp_tick data="tick 1"
                async name=allp_tick data="tick 2"
                async name=allp_tick data="tick 3"
                capture close
                metric allp.parsed monotonic u64=4
                metric allp.ratio non-monotonic double=0.25
                """);
        assertThat(out).as(() -> "debug lines are below the default level: " + out)
                .doesNotContain("hidden at the default level");
    }

    @Test
    void aRuleUsingAFieldWithoutItsRequiredArgumentIsRefusedByTheHost() throws Exception {
        NativeHost.Run run = host("--events", "1", "--fields", "allp.word");
        assertEquals(1, run.exitCode(), run.describe());
        assertThat(run.stderr()).as(run::describe)
                .contains("filter field allp.word requires an argument but none provided");
        NativeHost.Run index = host("--events", "1", "--fields", "allp.word[01]");
        assertThat(index.stderr()).as(index::describe)
                .contains("filter field allp.word has an invalid index argument: 01");
    }
}
