package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.tables.BoolField;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

/** Per event: one lookup in the host's threads table, reads and writes of numbers and booleans, nothing allocated. */
public class QuietTablesPlugin implements ParsePlugin {

    private Table threads;
    private LongField pid;
    private IntField uid;
    private LongField seen;
    private BoolField flag;
    long checksum;

    @Override
    public PluginInfo info() {
        return new PluginInfo("quiet-tables", "1.0.0", "allocates nothing", "nobody", "3.3.0");
    }

    @Override
    public void init(String config) {
    }

    @Override
    public void init(String config, Tables tables) {
        threads = tables.table("threads", StateType.INT64);
        pid = threads.field("pid", FieldKind.INT64);
        uid = threads.field("uid", FieldKind.UINT32);
        seen = threads.addField("seen", FieldKind.UINT64);
        flag = threads.addField("flag", FieldKind.BOOL);
    }

    @Override
    public void parse(PluginEvent event) {
        Entry thread = threads.get(event.threadId());
        if (thread == null) {
            throw new IllegalStateException("no thread " + event.threadId());
        }
        checksum += thread.get(pid) + thread.get(uid);
        thread.set(seen, thread.get(seen) + 1);
        thread.set(flag, !thread.get(flag));
    }
}
