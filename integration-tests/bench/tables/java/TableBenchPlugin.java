package com.example.tbench;

import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

/** The Java side of the tables benchmark: the same plugin as ../c_table_plugin.c. */
public class TableBenchPlugin extends AbstractTbenchPlugin {

    private Table threads;
    private LongField pid;
    private StringField comm;
    private LongField counter;
    private long checksum;

    @Override
    public void init(String config) {
    }

    @Override
    public void init(String config, Tables tables) {
        threads = tables.table("threads", StateType.INT64);
        pid = threads.field("pid", FieldKind.INT64);
        comm = threads.field("comm", FieldKind.STRING);
        counter = threads.addField("bench_counter", FieldKind.UINT64);
    }

    @Override
    public void parse(PluginEvent event) {
        int lookups = event.payloadByte(0);
        int reads = event.payloadByte(1);
        int writes = event.payloadByte(2);
        int strings = event.payloadByte(3);
        Entry entry = null;
        for (int i = 0; i < lookups; i++) {
            entry = threads.get(event.threadId());
            if (entry == null) {
                throw new IllegalStateException("no thread " + event.threadId());
            }
        }
        for (int i = 0; i < reads; i++) {
            checksum += entry.get(pid);
        }
        for (int i = 0; i < writes; i++) {
            entry.set(counter, i + 1);
        }
        for (int i = 0; i < strings; i++) {
            checksum += entry.get(comm).length();
        }
    }
}
