package dev.falcojava.it.e2e;

import dev.falcojava.it.host.NativeHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A plugin made with the CLI with {@code reconfigure: true} and {@code async.dump-state: true}: set_config reads
 * and checks the new config like init (a config that does not fit is refused naming the key, and the old one stays),
 * and dump_state pushes the plugin's state through the host's dump handler.
 */
class ReconfigureAndDumpStateEndToEndTest {

    @Test
    void setConfigReusesTheTypedConfigAndDumpStatePushesTheStateInForce() throws Exception {
        Path library = new GeneratedProjects("tuner-").libraryOf("tuner", "async", Path.of("src/test/resources/tuner"), "TunerPlugin.java");

        NativeHost.Run run = NativeHost.run(library, Map.of(), "--expect-caps", "async", "--cycles", "1",
                "--expect-async", "1", "--config", "{\"label\": \"a\"}",
                "--set-config", "{\"label\": \"b\", \"threshold\": 2}",
                "--set-config", "{\"label\": \"c\", \"threshold\": \"x\"}",
                "--set-config", "{\"label\": \"d\", \"threshold\": 13}",
                "--set-config", "{\"threshold\": 3}",
                "--dump-state");
        assertEquals(0, run.exitCode(), run.describe());
        assertThat(run.stdout()).as(run::describe)
                .contains("plugin name=tuner version=0.1.0 api=3.10.0 ")
                .contains("""
                log 6 -: reconfigured: label=b threshold=2
                set_config accepted: {"label": "b", "threshold": 2}
                set_config refused (rc 1): set_config: /threshold: must be an integer, not the string "x"
                set_config refused (rc 1): set_config: threshold 13 is refused (at com.example.tuner.TunerPlugin.reconfigure(TunerPlugin.java:19))
                set_config refused (rc 1): set_config: /label: is required
                dumped name=tuner_state data="label=b threshold=2"
                dump_state: done
                async name=tuner_tick data="started with label=a threshold=1"
                """);

        FalcoPluginCli.Result info = FalcoPluginCli.run(Map.of(), "info", library.toString());
        assertEquals(0, info.exitCode(), info.output());
        assertThat(info.output()).contains("capabilities: async\n")
                .contains("also exports: plugin_set_config, plugin_dump_state\n")
                .doesNotContain("event schema:");
    }
}
