package com.example.fdstate;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.Tables;
import dev.falcojava.sdk.events.CloseX;
import dev.falcojava.sdk.events.OpenatX;
import dev.falcojava.sdk.events.SyscallEvents;
import dev.falcojava.sdk.events.WriteX;

import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps, in each thread's file_descriptors sub-table, the fds its openat events open (with libsinsp's fields fd,
 * name, open_flags, dev, ino) and the bytes its write events write (a field it adds to the sub-tables), and erases
 * them on close; extracts the state back. On close, it adds the fd's bytes to the table it exports (declared in
 * plugin.yaml with export: true), fdstate_files (string keys: the file name), whose field writers is a nested
 * table keyed by the writing thread, which the host reads through the same vtables.
 */
public class FdstatePlugin extends AbstractFdstatePlugin {

    private static final System.Logger LOG = PluginLog.logger();

    private final SyscallEvents events = new SyscallEvents();
    private Table threads;
    private SubtableField fds;
    private LongField fd;
    private StringField name;
    private IntField openFlags;
    private IntField dev;
    private LongField ino;
    private LongField written;
    private final com.sun.management.ThreadMXBean threadBean =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private long allocatedAtParse;

    @Override
    public void init(String config) {
        Tables tables = hostTables();
        threads = tables.table("threads", StateType.INT64);
        fds = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
        fd = fds.field("fd", FieldKind.INT64);
        name = fds.field("name", FieldKind.STRING);
        openFlags = fds.field("open_flags", FieldKind.UINT32);
        dev = fds.field("dev", FieldKind.UINT32);
        ino = fds.field("ino", FieldKind.UINT64);
        written = fds.addField("fdstate_written", FieldKind.UINT64);
        LOG.log(System.Logger.Level.INFO, "fd fields: " + fds.fields().stream().map(f -> f.name() + ":" + f.type().yamlName())
                .collect(Collectors.joining(",")));
        refused("fd as a string", () -> fds.field("fd", FieldKind.STRING));
        refused("adding the host's name", () -> fds.addField("name", FieldKind.STRING));
        refused("adding a table-typed field", () -> threads.addField("more_fds", FieldKind.table(StateType.INT64)));
    }

    private static void refused(String what, Runnable action) {
        try {
            action.run();
            LOG.log(System.Logger.Level.INFO, what + ": accepted");
        } catch (TableException e) {
            LOG.log(System.Logger.Level.INFO, what + ": " + e.getMessage());
        }
    }

    @Override
    public void parse(PluginEvent event) {
        allocatedAtParse = threadBean.getCurrentThreadAllocatedBytes();
        Entry thread = threads.get(event.threadId());
        if (thread == null) {
            return;
        }
        Table table = thread.get(fds);
        switch (events.read(event)) {
            case OpenatX open when open.fd() >= 0 -> {
                Entry entry = table.add(open.fd());
                entry.set(fd, open.fd());
                entry.set(name, open.name().toString());
                entry.set(openFlags, open.flags());
                entry.set(dev, (int) open.dev());
                entry.set(ino, open.ino());
            }
            case WriteX write when !write.res().failed() -> {
                Entry entry = table.get(write.fd());
                if (entry != null) {
                    entry.set(written, entry.get(written) + write.res().value());
                }
            }
            case CloseX close when !close.res().failed() && table.get(close.fd()) != null -> close(table, close.fd(), event.threadId());
            case null, default -> {
            }
        }
    }

    /** Adds the bytes written to the closing fd to the file's writers sub-table in fdstate_files, and erases the fd. */
    private void close(Table table, long fd, long tid) {
        Entry closed = table.get(fd);
        FdstateTables.FdstateFiles files = tables().fdstateFiles;
        String file = closed.get(name);
        Entry perFile = files.get(file);
        if (perFile == null) {
            perFile = files.table.add(file);
            files.setPath(perFile, file);
        }
        Table perWriter = files.writers(perFile);
        Entry writer = files.writersTable.get(perWriter, tid);
        if (writer == null) {
            writer = perWriter.add(tid);
            files.writersTable.setTid(writer, tid);
        }
        files.writersTable.setBytes(writer, files.writersTable.bytes(writer) + closed.get(written));
        table.erase(fd);
    }

    @Override
    protected String extractFds(ExtractRequest request) {
        Entry thread = threads.get(request.event().threadId());
        if (thread == null) {
            return "";
        }
        TreeMap<Long, String> byFd = new TreeMap<>();
        thread.get(fds).forEach(entry -> {
            byFd.put(entry.get(fd), entry.get(name) + ":" + entry.get(written));
            return true;
        });
        return byFd.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    protected long extractAllocated(ExtractRequest request) {
        return allocatedAtParse;
    }

    /** Through the typed handles generated from the tables section of plugin.yaml. */
    @Override
    protected long extractWritten(ExtractRequest request) {
        FdstateTables.Threads typed = tables().threads;
        Entry thread = typed.get(request.event().threadId());
        Entry entry = thread != null && events.read(request.event()) instanceof WriteX write
                ? typed.fileDescriptorsTable.get(typed.fileDescriptors(thread), write.fd()) : null;
        if (entry == null) {
            request.noValue();
            return 0;
        }
        return typed.fileDescriptorsTable.fdstateWritten(entry);
    }
}
