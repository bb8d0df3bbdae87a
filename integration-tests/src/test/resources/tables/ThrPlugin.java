package com.example.thr;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.BoolField;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.Tables;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Uses every part of the tables API against the test host and logs what it observes, so that the end-to-end test
 * checks the host's answers line by line: at init the registry, fields, refusals, erase and iteration; while parsing
 * the threads table and a table of its own; while extracting, reads only.
 */
public class ThrPlugin extends AbstractThrPlugin {

    private static final System.Logger LOG = PluginLog.logger();

    private Table threads;
    private LongField tid;
    private StringField comm;
    private StringField cwd;
    private IntField uid;
    private BoolField writable;
    private LongField seen;
    private StringField label;

    private Table sessions;
    private LongField sessionCount;
    private StringField sessionComm;
    private IntField sessionSmall;

    @Override
    public void init(String config) {
    }

    @Override
    public void init(String config, Tables tables) {
        log("tables: " + tables.list().stream().map(t -> t.name() + "(" + t.keyType().yamlName() + ")")
                .collect(Collectors.joining(", ")));
        threads = tables.table("threads", StateType.INT64);
        log("threads fields: " + threads.fields().stream()
                .map(f -> f.name() + ":" + f.type().yamlName() + (f.readOnly() ? "(read-only)" : ""))
                .collect(Collectors.joining(",")));
        tid = threads.field("tid", FieldKind.INT64);
        comm = threads.field("comm", FieldKind.STRING);
        cwd = threads.field("cwd", FieldKind.STRING);
        uid = threads.field("uid", FieldKind.UINT32);
        writable = threads.field("exe_writable", FieldKind.BOOL);
        seen = threads.addField("thr_seen", FieldKind.UINT64);
        label = threads.addField("thr_label", FieldKind.STRING);
        log("adding thr_seen again gives the same field: " + threads.addField("thr_seen", FieldKind.UINT64).name());

        refused("comm as uint64", () -> threads.field("comm", FieldKind.UINT64));
        refused("an unknown field", () -> threads.field("nope", FieldKind.INT64));
        refused("adding the host's pid", () -> threads.addField("pid", FieldKind.INT64));
        refused("adding thr_seen as a string", () -> threads.addField("thr_seen", FieldKind.STRING));
        log("entry 99: " + (threads.get(99) == null ? "none" : "present"));
        Entry first = threads.get(1001);
        log("entry 1001: comm " + first.get(comm) + ", cwd " + first.get(cwd) + ", uid " + first.get(uid)
                + ", exe_writable " + first.get(writable) + ", thr_seen " + first.get(seen) + ", thr_label '" + first.get(label) + "'");
        refused("writing the read-only cwd", () -> first.set(cwd, "/elsewhere"));

        Entry added = threads.add(4242);
        added.set(tid, 4242);
        added.set(comm, "added");
        log("added 4242: size " + threads.size() + ", comm " + threads.get(4242).get(comm));
        threads.erase(4242);
        log("erased 4242: size " + threads.size() + ", entry " + (threads.get(4242) == null ? "none" : "present"));
        refused("erasing 4242 again", () -> threads.erase(4242));

        List<Long> tids = new ArrayList<>();
        boolean complete = threads.forEach(e -> tids.add(e.get(tid)));
        log("iterated " + tids + ", complete " + complete);
        List<Long> two = new ArrayList<>();
        boolean stopped = !threads.forEach(e -> {
            two.add(e.get(tid));
            return two.size() < 2;
        });
        log("stopped after " + two + ": " + stopped);
        try {
            threads.forEach(e -> {
                throw new IllegalStateException("visitor failure");
            });
        } catch (IllegalStateException e) {
            log("a visitor's exception comes back: " + e.getMessage());
        }

        sessions = tables.addTable("thr_sessions", StateType.UINT64);
        sessionCount = sessions.addField("count", FieldKind.UINT64);
        sessionComm = sessions.addField("comm", FieldKind.STRING);
        sessionSmall = sessions.addField("small", FieldKind.UINT8);
        refused("a second table named threads", () -> tables.addTable("threads", StateType.INT64));
        refused("an unknown table", () -> tables.table("nope", StateType.INT64));
        refused("threads with uint64 keys", () -> tables.table("threads", StateType.UINT64));
        try {
            Entry e = sessions.add(1);
            e.set(sessionSmall, 300);
        } catch (IllegalArgumentException e) {
            log("refused: " + e.getMessage());
        }
        sessions.clear();
    }

    private static void refused(String what, Runnable action) {
        try {
            action.run();
            log(what + ": NOT refused");
        } catch (TableException e) {
            log(what + " refused: " + e.getMessage());
        }
    }

    private static void log(String line) {
        LOG.log(System.Logger.Level.INFO, line);
    }

    @Override
    public void parse(PluginEvent event) {
        long threadId = event.threadId();
        Entry session = sessions.get(threadId);
        if (session == null) {
            session = sessions.add(threadId);
        }
        session.set(sessionCount, session.get(sessionCount) + 1);
        session.set(sessionSmall, (int) (event.number() % 256));
        Entry thread = threads.get(threadId);
        if (thread == null) {
            log("event " + event.number() + ": no thread " + threadId);
            session.set(sessionComm, "?");
            return;
        }
        thread.set(seen, thread.get(seen) + 1);
        thread.set(label, "parsed event " + event.number());
        session.set(sessionComm, thread.get(comm));
    }

    private Entry thread(ExtractRequest request) {
        Entry thread = threads.get(request.event().threadId());
        if (thread == null) {
            request.noValue();
        }
        return thread;
    }

    @Override
    protected String extractComm(ExtractRequest request) {
        Entry thread = thread(request);
        return thread == null ? null : thread.get(comm);
    }

    @Override
    protected long extractSeen(ExtractRequest request) {
        Entry thread = thread(request);
        return thread == null ? 0 : thread.get(seen);
    }

    @Override
    protected long extractUid(ExtractRequest request) {
        Entry thread = thread(request);
        return thread == null ? 0 : Integer.toUnsignedLong(thread.get(uid));
    }

    @Override
    protected boolean extractWritable(ExtractRequest request) {
        Entry thread = thread(request);
        return thread != null && thread.get(writable);
    }

    @Override
    protected String extractLabel(ExtractRequest request) {
        Entry thread = thread(request);
        return thread == null ? null : thread.get(label);
    }

    @Override
    protected String extractWrite(ExtractRequest request) {
        Entry thread = thread(request);
        if (thread != null) {
            thread.set(label, "written during extraction");
        }
        return "not reached";
    }
}
