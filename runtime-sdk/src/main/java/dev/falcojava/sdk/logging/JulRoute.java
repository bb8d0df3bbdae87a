package dev.falcojava.sdk.logging;


import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes {@code java.util.logging} records, and so {@code System.Logger} lines (the JDK's default finder logs
 * through it), of one plugin library to its host log. JUL's root logger is one for the whole JVM and every Java
 * plugin of the process shares it: each library installs its own route there, and a route writes only the records
 * logged by code of its plugin's class loader (the first class on the caller's stack that is neither the JDK's nor
 * a handler; the thread's context class loader when no such class is there). A record no plugin claims is written to
 * standard error by the first route, prefixed {@code [java.util.logging]}. The routes replace the root logger's
 * console handler, which comes back when the last route leaves.
 */
final class JulRoute extends Handler implements Predicate<ClassLoader> {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Object LOCK = new Object();
    private static JulRoute installed;
    private static int users;

    private final ClassLoader pluginLoader;
    private final Formatter formatter = new SimpleFormatter();

    private JulRoute(ClassLoader pluginLoader) {
        this.pluginLoader = pluginLoader;
    }

    /** Routes the records of {@code pluginLoader}'s code; each install is undone by one {@link #uninstall()}. */
    static void install(ClassLoader pluginLoader) {
        synchronized (LOCK) {
            if (users++ > 0) {
                return;
            }
            Logger root = Logger.getLogger("");
            for (Handler handler : root.getHandlers()) {
                if (handler instanceof ConsoleHandler) {
                    root.removeHandler(handler);
                }
            }
            installed = new JulRoute(pluginLoader);
            root.addHandler(installed);
            lowerRootLevel(LogSink.level());
        }
    }

    /** Removes the route once every install is undone; the last route of the JVM gives the root its console back. */
    static void uninstall() {
        synchronized (LOCK) {
            if (users == 0 || --users > 0) {
                return;
            }
            Logger root = Logger.getLogger("");
            root.removeHandler(installed);
            installed = null;
            if (root.getHandlers().length == 0) {
                root.addHandler(new ConsoleHandler());
            }
        }
    }

    /**
     * Lowers the root logger's level to {@code level} so that such records reach the routes; never raises it, as
     * another plugin of the process may want more. Each route still drops what its plugin's level does not log.
     */
    static void lowerRootLevel(System.Logger.Level level) {
        synchronized (LOCK) {
            if (installed == null) {
                return;
            }
            Logger root = Logger.getLogger("");
            Level wanted = julLevel(level);
            Level current = root.getLevel();
            if (current == null || current.intValue() > wanted.intValue()) {
                root.setLevel(wanted);
            }
        }
    }

    /** Whether code of {@code owner} belongs to this route's plugin: its class loader or one created under it. */
    @Override
    public boolean test(ClassLoader owner) {
        for (ClassLoader loader = owner; loader != null; loader = loader.getParent()) {
            if (loader == pluginLoader) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (record == null) {
                return;
            }
            ClassLoader owner = owner();
            if (test(owner)) {
                System.Logger.Level level = level(record.getLevel());
                if (LogSink.enabled(level)) {
                    LogSink.log(null, level, LoggerNames.prefix(record.getLoggerName()) + formatter.formatMessage(record),
                            record.getThrown());
                }
            } else if (isFirstRoute() && !claimedByAnotherRoute(owner)) {
                System.err.println("[java.util.logging] " + record.getLevel() + " " + record.getLoggerName() + ": "
                        + formatter.formatMessage(record));
            }
        } catch (RuntimeException e) {
            reportError("routing a log record failed", e, 0);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The class loader of the code that logged. */
    private static ClassLoader owner() {
        Optional<ClassLoader> caller = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> !Handler.class.isAssignableFrom(type) && !isJdk(type.getClassLoader()))
                .findFirst()
                .map(Class::getClassLoader));
        return caller.orElseGet(() -> Thread.currentThread().getContextClassLoader());
    }

    private static boolean isJdk(ClassLoader loader) {
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /** The routes of every plugin on the root logger: one class per plugin, found by name and the JDK's interface. */
    private static java.util.List<Handler> routes() {
        java.util.List<Handler> routes = new java.util.ArrayList<>();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getClass().getName().equals(JulRoute.class.getName()) && handler instanceof Predicate<?>) {
                routes.add(handler);
            }
        }
        return routes;
    }

    private boolean isFirstRoute() {
        java.util.List<Handler> routes = routes();
        return !routes.isEmpty() && routes.getFirst() == this;
    }

    @SuppressWarnings("unchecked")
    private boolean claimedByAnotherRoute(ClassLoader owner) {
        for (Handler route : routes()) {
            if (route != this && ((Predicate<ClassLoader>) route).test(owner)) {
                return true;
            }
        }
        return false;
    }

    /** SEVERE is error, WARNING warning, INFO info, CONFIG and FINE debug, FINER and below trace. */
    static System.Logger.Level level(Level level) {
        int value = level == null ? Level.INFO.intValue() : level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return System.Logger.Level.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return System.Logger.Level.WARNING;
        } else if (value >= Level.INFO.intValue()) {
            return System.Logger.Level.INFO;
        } else if (value >= Level.FINE.intValue()) {
            return System.Logger.Level.DEBUG;
        }
        return System.Logger.Level.TRACE;
    }

    private static Level julLevel(System.Logger.Level level) {
        return switch (level) {
            case ALL, TRACE -> Level.FINEST;
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARNING;
            case ERROR -> Level.SEVERE;
            case OFF -> Level.OFF;
        };
    }
}
