package com.example.rdr;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

import java.util.stream.Collectors;

/** Reads the table of the thr plugin: loaded by the test host next to it, with --with. */
public class RdrPlugin extends AbstractRdrPlugin {

    private Table sessions;
    private LongField count;
    private StringField comm;
    private IntField small;
    private StringField note;

    @Override
    public void init(String config) {
    }

    @Override
    public void init(String config, Tables tables) {
        sessions = tables.table("thr_sessions", StateType.UINT64);
        count = sessions.field("count", FieldKind.UINT64);
        comm = sessions.field("comm", FieldKind.STRING);
        small = sessions.field("small", FieldKind.UINT8);
        note = sessions.addField("rdr_note", FieldKind.STRING);
        PluginLog.logger().log(System.Logger.Level.INFO, "thr_sessions fields: " + sessions.fields().stream()
                .map(f -> f.name() + ":" + f.type().yamlName()).collect(Collectors.joining(",")) + ", size " + sessions.size());
    }

    private Entry session(ExtractRequest request) {
        Entry session = sessions.get(request.event().threadId());
        if (session == null) {
            request.noValue();
        }
        return session;
    }

    @Override
    protected long extractCount(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? 0 : session.get(count);
    }

    @Override
    protected String extractComm(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? null : session.get(comm);
    }

    @Override
    protected long extractSmall(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? 0 : session.get(small);
    }

    @Override
    protected String extractNote(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? null : session.get(note);
    }
}
