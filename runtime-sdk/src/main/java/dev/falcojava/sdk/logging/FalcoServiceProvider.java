package dev.falcojava.sdk.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider of the SDK, registered in {@code META-INF/services}: SLF4J's {@code LoggerFactory} finds it
 * with {@code ServiceLoader} in its own class loader, which is the plugin's (slf4j-api is packed into the plugin jar
 * with the SDK), so every SLF4J logger of the plugin and of its libraries writes to the host's log. Internal to the
 * SDK; plugin code uses {@code org.slf4j.LoggerFactory}.
 */
public final class FalcoServiceProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private volatile ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers = new FalcoLoggerFactory();
    }
}
