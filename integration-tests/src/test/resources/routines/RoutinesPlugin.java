package com.example.routines;

import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.RoutineHandle;
import dev.falcojava.sdk.api.ThreadPool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscribes four routines at capture open: one that runs until the plugin unsubscribes it at capture close, one
 * that ends itself on its third run, one that throws on its second run, and one the host purges at capture close.
 */
public class RoutinesPlugin extends AbstractRoutinesPlugin {

    private final AtomicLong tickerRuns = new AtomicLong();
    private final AtomicLong finiteRuns = new AtomicLong();
    private final AtomicLong throwerRuns = new AtomicLong();
    private RoutineHandle ticker;
    private RoutineHandle finite;

    @Override
    public void init(String config) {
    }

    @Override
    public void captureOpened(ThreadPool pool) {
        ticker = pool.subscribe("ticker", () -> {
            tickerRuns.incrementAndGet();
            return true;
        });
        finite = pool.subscribe("finite", () -> finiteRuns.incrementAndGet() < 3);
        pool.subscribe("thrower", () -> {
            if (throwerRuns.incrementAndGet() == 2) {
                throw new IllegalStateException("boom on run 2");
            }
            return true;
        });
        pool.subscribe("forgotten", () -> true);
    }

    @Override
    public void captureClosed(ThreadPool pool) {
        boolean tickerUnsubscribed = pool.unsubscribe(ticker);
        boolean finiteUnsubscribed = pool.unsubscribe(finite);
        long runsAfter = tickerRuns.get();
        PluginLog.logger().log(System.Logger.Level.INFO, "unsubscribed ticker: " + tickerUnsubscribed
                + ", finite: " + finiteUnsubscribed + ", finite ran " + finiteRuns.get() + " times, thrower "
                + throwerRuns.get() + " times");
        PluginLog.logger().log(System.Logger.Level.INFO, "ticker ran at least 5 times: " + (runsAfter >= 5));
    }
}
