package dev.falcojava.sdk.logging;

/** How a line names the logger it came from: the last part of the logger's name, before the message. */
final class LoggerNames {

    private LoggerNames() {
    }

    /** {@code com.example.Reader} gives {@code "Reader: "}; the root logger's empty name gives nothing. */
    static String prefix(String loggerName) {
        if (loggerName == null || loggerName.isEmpty() || loggerName.equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
            return "";
        }
        String trimmed = loggerName.endsWith(".") ? loggerName.substring(0, loggerName.length() - 1) : loggerName;
        return trimmed.substring(trimmed.lastIndexOf('.') + 1) + ": ";
    }
}
