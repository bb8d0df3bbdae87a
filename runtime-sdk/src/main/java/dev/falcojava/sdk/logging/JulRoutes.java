package dev.falcojava.sdk.logging;

/**
 * Installs and removes the plugin's {@link JulRoute} when the runtime has the {@code java.logging} module; a runtime
 * image without it (no JUL, and {@code System.Logger} then writes to standard error itself) loads no JUL class.
 * Internal to the SDK; not for plugin code.
 */
public final class JulRoutes {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("java.logging").isPresent();

    private JulRoutes() {
    }

    /** Routes the records of {@code pluginLoader}'s code; each install is undone by one {@link #uninstall()}. */
    public static void install(ClassLoader pluginLoader) {
        if (AVAILABLE) {
            JulRoute.install(pluginLoader);
        }
    }

    /** Undoes one {@link #install}. */
    public static void uninstall() {
        if (AVAILABLE) {
            JulRoute.uninstall();
        }
    }

    /** Lets JUL records of {@code level} reach the routes. */
    public static void lowerRootLevel(System.Logger.Level level) {
        if (AVAILABLE) {
            JulRoute.lowerRootLevel(level);
        }
    }
}
