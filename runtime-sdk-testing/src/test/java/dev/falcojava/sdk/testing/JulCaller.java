package dev.falcojava.sdk.testing;

/** Logs one JUL warning; it uses the JDK only, so that a test can define it in a class loader of its own. */
public class JulCaller implements Runnable {

    @Override
    public void run() {
        java.util.logging.Logger.getLogger("stranger.logger").warning("from another class loader");
    }
}
