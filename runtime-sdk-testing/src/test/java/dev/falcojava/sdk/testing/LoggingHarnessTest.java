package dev.falcojava.sdk.testing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoggingHarnessTest {

    @Test
    void slf4jJulSystemLoggerAndPluginLogReachTheHostWithTheirSeveritiesAtTheDefaultLevel() {
        try (PluginHarness harness = PluginHarness.init(LoggingPlugin.class, "")) {
            List<LogRecord> lines = harness.logLines().stream().map(line -> line.message().startsWith("Client: slf4j error: ")
                    ? new LogRecord(line.component(), line.message().replaceFirst(" \\(at .*", ""), line.severity()) : line).toList();
            assertEquals(List.of(
                    new LogRecord(null, "Client: slf4j info 262144 of x", 6),
                    new LogRecord(null, "Client: slf4j warn", 4),
                    new LogRecord(null, "Client: slf4j error: java.lang.IllegalStateException: broken", 3),
                    new LogRecord(null, "Client: fluent 7", 6),
                    new LogRecord(null, "Reader: jul severe", 3),
                    new LogRecord(null, "Reader: jul warning", 4),
                    new LogRecord(null, "Reader: jul info", 6),
                    new LogRecord(null, "Reader: jul p param", 6),
                    new LogRecord(null, "Watcher: system logger warning", 4),
                    new LogRecord(null, "plugin log 262144 and 262144", 6),
                    new LogRecord("audit", "careful", 4)), lines);
        }
    }

    @Test
    void theInitConfigsLogLevelLetsTraceAndDebugLinesOfEveryRouteThroughAsDebug() {
        try (PluginHarness harness = PluginHarness.init(LoggingPlugin.class, "{\"log-level\": \"trace\"}")) {
            List<LogRecord> debug = harness.logLines().stream().filter(line -> line.severity() == 7).toList();
            assertEquals(List.of(
                    new LogRecord(null, "Client: slf4j trace 1", 7),
                    new LogRecord(null, "Client: slf4j debug 2", 7),
                    new LogRecord(null, "Reader: jul fine", 7),
                    new LogRecord(null, "Reader: jul finest", 7),
                    new LogRecord("audit", "audit debug", 7)), debug);
        } finally {
            dev.falcojava.sdk.api.PluginLog.setLevel("info");
        }
    }

    @Test
    void anUnknownLogLevelInTheInitConfigFailsInitNamingTheKey() {
        PluginCallException failure = assertThrows(PluginCallException.class,
                () -> PluginHarness.init(LoggingPlugin.class, "{\"log-level\": \"loud\"}"));
        assertEquals("plugin_init returned 1: init: init_config key 'log-level' is 'loud': use trace, debug, info, warn,"
                + " error or off", failure.getMessage());
    }

    @Test
    void aJulRecordOfCodeInAnotherClassLoaderIsNotThisPluginsLineAndGoesToStandardError() throws Exception {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PluginHarness harness = PluginHarness.init(LoggingPlugin.class, "")) {
            int before = harness.logLines().size();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                Class<?> stranger = new StrangerLoader().loadClass(JulCaller.class.getName());
                stranger.getMethod("run").invoke(stranger.getDeclaredConstructor().newInstance());
            } finally {
                System.setErr(standardError);
            }
            assertEquals(before, harness.logLines().size(), harness.logLines().toString());
            assertTrue(captured.toString(StandardCharsets.UTF_8)
                    .contains("[java.util.logging] WARNING stranger.logger: from another class loader"), captured.toString());
        }
    }

    @Test
    void whileAPluginIsLoadedItsRouteReplacesTheConsoleHandlerAndReleasingItRestoresTheRootLogger() {
        Logger root = Logger.getLogger("");
        List<Handler> before = List.of(root.getHandlers());
        try (PluginHarness harness = PluginHarness.init(LoggingPlugin.class, "")) {
            List<Handler> handlers = List.of(root.getHandlers());
            assertTrue(handlers.stream().anyMatch(h -> h.getClass().getName().equals("dev.falcojava.sdk.logging.JulRoute")), handlers.toString());
            assertFalse(handlers.stream().anyMatch(h -> h instanceof ConsoleHandler), handlers.toString());
        }
        List<Handler> after = List.of(root.getHandlers());
        assertEquals(before.stream().map(h -> h.getClass().getName()).toList(), after.stream().map(h -> h.getClass().getName()).toList());
    }

    @Test
    void beforeInitAndAfterReleaseLinesGoToStandardErrorWithAPrefix() {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PluginHarness.init(LoggingPlugin.class, "").close();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            org.slf4j.LoggerFactory.getLogger("late.Logger").warn("after release {}", 1);
            dev.falcojava.sdk.api.PluginLog.logger().log(System.Logger.Level.INFO, "still safe");
        } finally {
            System.setErr(standardError);
        }
        assertEquals("[falco plugin logging] WARNING Logger: after release 1\n[falco plugin logging] INFO still safe\n",
                captured.toString(StandardCharsets.UTF_8));
    }

    /** Defines {@link JulCaller} again, under the platform class loader: code that is not the plugin's. */
    private static final class StrangerLoader extends ClassLoader {

        StrangerLoader() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (InputStream in = LoggingHarnessTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
