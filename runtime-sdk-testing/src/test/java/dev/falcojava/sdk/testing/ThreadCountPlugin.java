package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

import java.util.List;

/**
 * Counts events per thread in a field it adds to the host's threads table, and per command in a table of its own
 * keyed by text; extracts both. The payload "write" makes extraction try to write, which the API forbids. A config
 * names another table to use instead of threads.
 */
public class ThreadCountPlugin implements ParsePlugin, ExtractPlugin {

    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("tc.count", FieldType.UINT64, "events parsed for the event's thread"),
            new FieldDefinition("tc.comm", FieldType.STRING, "the thread's command"),
            new FieldDefinition("tc.by_comm", FieldType.UINT64, "events parsed for the thread's command"));

    private Table threads;
    private StringField comm;
    private LongField count;
    private Table byComm;
    private LongField events;

    @Override
    public PluginInfo info() {
        return new PluginInfo("tc", "1.0.0", "counts events per thread", "nobody", "3.3.0");
    }

    @Override
    public void init(String config) {
        throw new AssertionError("the bridge calls init(String, Tables)");
    }

    @Override
    public void init(String config, Tables tables) {
        threads = tables.table(config.isEmpty() ? "threads" : config, StateType.INT64);
        comm = threads.field("comm", FieldKind.STRING);
        count = threads.addField("tc_count", FieldKind.UINT64);
        byComm = tables.addTable("tc_by_comm", StateType.STRING);
        events = byComm.addField("events", FieldKind.UINT64);
    }

    @Override
    public void parse(PluginEvent event) {
        Entry thread = threads.get(event.threadId());
        if (thread == null) {
            return;
        }
        thread.set(count, thread.get(count) + 1);
        String command = thread.get(comm);
        Entry perCommand = byComm.get(command);
        if (perCommand == null) {
            perCommand = byComm.add(command);
        }
        perCommand.set(events, perCommand.get(events) + 1);
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public void extract(ExtractRequest request) {
        Entry thread = threads.get(request.event().threadId());
        if (thread == null) {
            request.noValue();
            return;
        }
        if (request.event().payloadAsString().equals("write")) {
            thread.set(count, 0);
        }
        switch (request.fieldId()) {
            case 0 -> request.setU64(thread.get(count));
            case 1 -> request.setString(thread.get(comm));
            default -> {
                Entry perCommand = byComm.get(thread.get(comm));
                if (perCommand == null) {
                    request.noValue();
                } else {
                    request.setU64(perCommand.get(events));
                }
            }
        }
    }
}
