package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

/**
 * Per event: a lookup in the host's threads table, the thread's file_descriptors sub-table, a lookup of fd 3 in it,
 * a read and a read-and-write of numbers there; nothing allocated.
 */
public class QuietNestedTablesPlugin implements ParsePlugin {

    static final long FD = 3;

    private Table threads;
    private SubtableField fds;
    private LongField fdNumber;
    private LongField seen;
    long checksum;

    @Override
    public PluginInfo info() {
        return new PluginInfo("quiet-nested", "1.0.0", "allocates nothing in nested tables", "nobody", "3.3.0");
    }

    @Override
    public void init(String config) {
    }

    @Override
    public void init(String config, Tables tables) {
        threads = tables.table("threads", StateType.INT64);
        fds = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
        fdNumber = fds.field("fd", FieldKind.INT64);
        seen = fds.addField("seen", FieldKind.UINT64);
    }

    @Override
    public void parse(PluginEvent event) {
        Entry thread = threads.get(event.threadId());
        Entry fd = thread == null ? null : thread.get(fds).get(FD);
        if (fd == null) {
            throw new IllegalStateException("no fd " + FD + " in thread " + event.threadId());
        }
        checksum += fd.get(fdNumber);
        fd.set(seen, fd.get(seen) + 1);
    }
}
