package dev.falcojava.sdk.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

import java.io.Serial;

/**
 * An SLF4J logger writing to the host's log: trace and debug as debug, info, warn as warning, error. The line is the
 * last part of the logger's name and the message, with the {@code {}} placeholders of SLF4J.
 */
final class Slf4jLogger extends LegacyAbstractLogger {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String prefix;

    Slf4jLogger(String name) {
        this.name = name;
        this.prefix = LoggerNames.prefix(name);
    }

    static System.Logger.Level level(Level level) {
        return switch (level) {
            case TRACE -> System.Logger.Level.TRACE;
            case DEBUG -> System.Logger.Level.DEBUG;
            case INFO -> System.Logger.Level.INFO;
            case WARN -> System.Logger.Level.WARNING;
            case ERROR -> System.Logger.Level.ERROR;
        };
    }

    @Override
    public boolean isTraceEnabled() {
        return LogSink.enabled(System.Logger.Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogSink.enabled(System.Logger.Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogSink.enabled(System.Logger.Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogSink.enabled(System.Logger.Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogSink.enabled(System.Logger.Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        LogFormat.Line line = LogFormat.format(messagePattern, arguments);
        LogSink.log(null, level(level), prefix + line.text(), throwable != null ? throwable : line.thrown());
    }
}
