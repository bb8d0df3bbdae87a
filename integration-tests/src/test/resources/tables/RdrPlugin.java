package com.example.rdr;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.Entry;

import java.util.stream.Collectors;

/**
 * Reads the table of the thr plugin through the accessors generated from the tables section of plugin.yaml: loaded
 * by the test host next to thr, with --with.
 */
public class RdrPlugin extends AbstractRdrPlugin {

    @Override
    public void init(String config) {
        RdrTables.ThrSessions sessions = tables().thrSessions;
        PluginLog.logger().log(System.Logger.Level.INFO, "thr_sessions fields: " + sessions.table.fields().stream()
                .map(f -> f.name() + ":" + f.type().yamlName()).collect(Collectors.joining(",")) + ", size "
                + sessions.table.size());
    }

    private Entry session(ExtractRequest request) {
        Entry session = tables().thrSessions.get(request.event().threadId());
        if (session == null) {
            request.noValue();
        }
        return session;
    }

    @Override
    protected long extractCount(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? 0 : tables().thrSessions.count(session);
    }

    @Override
    protected String extractComm(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? null : tables().thrSessions.comm(session);
    }

    @Override
    protected long extractSmall(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? 0 : tables().thrSessions.small(session);
    }

    @Override
    protected String extractNote(ExtractRequest request) {
        Entry session = session(request);
        return session == null ? null : tables().thrSessions.rdrNote(session);
    }
}
