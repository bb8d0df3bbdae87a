package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.PluginLog;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs at init through every route a plugin or its libraries use: SLF4J, java.util.logging, System.Logger, PluginLog (also with a component). */
public class LoggingPlugin extends IdleAsyncPlugin {

    public LoggingPlugin() {
        super("logging");
    }

    @Override
    public void init(String config) {
        org.slf4j.Logger slf4j = LoggerFactory.getLogger("com.example.lib.Client");
        slf4j.trace("slf4j trace {}", 1);
        slf4j.debug("slf4j debug {}", 2);
        slf4j.info("slf4j info {} of {}", 262144, "x");
        slf4j.warn("slf4j warn");
        slf4j.error("slf4j error", new IllegalStateException("broken"));
        slf4j.atInfo().setMessage("fluent {}").addArgument(7).log();
        Logger jul = Logger.getLogger("com.example.jul.Reader");
        jul.severe("jul severe");
        jul.warning("jul warning");
        jul.info("jul info");
        jul.fine("jul fine");
        jul.finest("jul finest");
        jul.log(Level.INFO, "jul {0} param", "p");
        System.getLogger("com.example.sys.Watcher").log(System.Logger.Level.WARNING, "system logger warning");
        PluginLog.logger().log(System.Logger.Level.INFO, "plugin log {} and {0}", 262144);
        PluginLog.logger("audit").log(System.Logger.Level.WARNING, "careful");
        PluginLog.logger("audit").log(System.Logger.Level.DEBUG, "audit debug");
    }
}
