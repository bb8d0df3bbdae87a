package dev.falcojava.examples.threadstate;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.tables.Entry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Keeps per-thread state where Falco keeps threads: parsing system events, it counts the events of each thread and
 * records the first parameter of its last event in two fields it adds to the host's {@code threads} table; its
 * fields read them back, with the thread's command, for the rules.
 */
public class ThreadstatePlugin extends AbstractThreadstatePlugin {

    @Override
    public void init(String config) {
        // the tables declared in plugin.yaml are looked up (and the fields added) before this runs
    }

    @Override
    public void parse(PluginEvent event) {
        Entry thread = tables().threads.get(event.threadId());
        if (thread == null) {
            return;
        }
        ThreadstateTables.Threads threads = tables().threads;
        threads.setThreadstateEvents(thread, threads.threadstateEvents(thread) + 1);
        if (event.paramCount() > 0 && event.paramLength(0) == Long.BYTES) {
            threads.setThreadstateLastArg(thread, ByteBuffer.wrap(event.param(0)).order(ByteOrder.LITTLE_ENDIAN).getLong());
        }
    }

    @Override
    protected long extractEvents(ExtractRequest request) {
        Entry thread = tables().threads.get(request.event().threadId());
        if (thread == null) {
            request.noValue();
            return 0;
        }
        return tables().threads.threadstateEvents(thread);
    }

    @Override
    protected long extractLastArg(ExtractRequest request) {
        Entry thread = tables().threads.get(request.event().threadId());
        if (thread == null || tables().threads.threadstateEvents(thread) == 0) {
            request.noValue();
            return 0;
        }
        return tables().threads.threadstateLastArg(thread);
    }

    @Override
    protected String extractComm(ExtractRequest request) {
        Entry thread = tables().threads.get(request.event().threadId());
        return thread == null ? null : tables().threads.comm(thread);
    }
}
