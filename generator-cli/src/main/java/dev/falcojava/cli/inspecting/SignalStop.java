package dev.falcojava.cli.inspecting;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * SIGINT (Ctrl-C) and SIGTERM turned into a stop request that the thread driving the plugin checks, so that it closes
 * the source and destroys the plugin itself. The JVM's own handlers would start its shutdown instead (shutdown hooks,
 * exit 130) while that thread is still inside the plugin, and the hooks of a logging library the plugin uses could run
 * before its {@code close} does. The first signal asks for the stop and puts the JVM's handler back, so a second one
 * ends the process at once. Closing puts the JVM's handlers back.
 */
public final class SignalStop implements BooleanSupplier, AutoCloseable {

    private static final String[] SIGNALS = {"INT", "TERM"};

    private final AtomicBoolean requested = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final PrintWriter err;

    /** Installs the handlers; where the JVM does not allow it (started with {@code -Xrs}), the signal keeps its default. */
    public SignalStop(PrintWriter err) {
        this.err = err;
        synchronized (this) {
            for (String name : SIGNALS) {
                Signal signal = new Signal(name);
                try {
                    previous.put(signal, Signal.handle(signal, this::onSignal));
                } catch (IllegalArgumentException e) {
                    // the JVM reserves this signal: it keeps its default action
                }
            }
        }
    }

    private void onSignal(Signal signal) {
        if (requested.compareAndSet(false, true)) {
            restore();
            err.println("falco-plugin run: SIG" + signal.getName() + ", closing the source (again to quit at once)");
            err.flush();
        }
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    private synchronized void restore() {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    @Override
    public void close() {
        restore();
    }
}
