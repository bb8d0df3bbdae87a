package dev.falcojava.examples.fdbytes;

import dev.falcojava.examples.fdbytes.FdbytesTables.Threads.FileDescriptorsSubtable;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginLog;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.events.CloseX;
import dev.falcojava.sdk.events.CreatX;
import dev.falcojava.sdk.events.Errno;
import dev.falcojava.sdk.events.OpenX;
import dev.falcojava.sdk.events.Openat2X;
import dev.falcojava.sdk.events.OpenatX;
import dev.falcojava.sdk.events.PreadX;
import dev.falcojava.sdk.events.PreadvX;
import dev.falcojava.sdk.events.PwriteX;
import dev.falcojava.sdk.events.PwritevX;
import dev.falcojava.sdk.events.ReadX;
import dev.falcojava.sdk.events.ReadvX;
import dev.falcojava.sdk.events.SyscallEvent;
import dev.falcojava.sdk.events.SyscallEvents;
import dev.falcojava.sdk.events.WriteX;
import dev.falcojava.sdk.events.WritevX;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the bytes read and written through each file descriptor, in fields it adds to the {@code file_descriptors}
 * sub-table of each thread of {@code threads}, and per file in a table of its own ({@value #FILES_TABLE}, keyed by
 * path); its fields read both back on read, write and close events.
 *
 * <p>Only opening system calls make it read a path; reads, writes and closes read and write numbers only, through
 * the typed event views and the table handles, and allocate nothing.
 */
public class FdbytesPlugin extends AbstractFdbytesPlugin {

    /**
     * The plugin's table of per-file totals, for other plugins and for the host: keyed by path, with the path as a
     * field too (the plugin API iterates over entries, not keys), the file's number, and the bytes written and read.
     */
    public static final String FILES_TABLE = "fdbytes_files";

    private static final System.Logger LOG = PluginLog.logger();

    private final SyscallEvents events = new SyscallEvents();
    /** The path of each file of {@link #files} by its number minus one, the number an fd entry keeps. */
    private final List<String> paths = new ArrayList<>();
    private Table files;
    private StringField filePath;
    private LongField fileNumber;
    private LongField fileWritten;
    private LongField fileRead;
    private int maxFiles;
    private boolean full;
    private long opens;
    private final ClosedFd closed = new ClosedFd();

    @Override
    protected void init(FdbytesConfig config) {
        maxFiles = config.maxFiles();
        files = hostTables().addTable(FILES_TABLE, StateType.STRING);
        filePath = files.addField("path", FieldKind.STRING);
        fileNumber = files.addField("number", FieldKind.UINT64);
        fileWritten = files.addField("written", FieldKind.UINT64);
        fileRead = files.addField("read", FieldKind.UINT64);
    }

    @Override
    public void parse(PluginEvent event) {
        FdbytesTables.Threads threads = tables().threads;
        if (closed.pending) {
            eraseClosed(threads);
        }
        Entry thread = threads.get(event.threadId());
        if (thread == null) {
            return;
        }
        Table fds = threads.fileDescriptors(thread);
        FileDescriptorsSubtable fd = threads.fileDescriptorsTable;
        switch (events.read(event)) {
            case OpenX open when open.fd() >= 0 -> opened(fds, open.fd(), open.name());
            case OpenatX open when open.fd() >= 0 -> opened(fds, open.fd(), open.name());
            case Openat2X open when open.fd() >= 0 -> opened(fds, open.fd(), open.name());
            case CreatX open when open.fd() >= 0 -> opened(fds, open.fd(), open.name());
            case ReadX read -> transferred(fds, read.fd(), read.res(), fd.fdbytesReadField, fileRead);
            case PreadX read -> transferred(fds, read.fd(), read.res(), fd.fdbytesReadField, fileRead);
            case ReadvX read -> transferred(fds, read.fd(), read.res(), fd.fdbytesReadField, fileRead);
            case PreadvX read -> transferred(fds, read.fd(), read.res(), fd.fdbytesReadField, fileRead);
            case WriteX write -> transferred(fds, write.fd(), write.res(), fd.fdbytesWrittenField, fileWritten);
            case PwriteX write -> transferred(fds, write.fd(), write.res(), fd.fdbytesWrittenField, fileWritten);
            case WritevX write -> transferred(fds, write.fd(), write.res(), fd.fdbytesWrittenField, fileWritten);
            case PwritevX write -> transferred(fds, write.fd(), write.res(), fd.fdbytesWrittenField, fileWritten);
            case CloseX close when !close.res().failed() -> closing(event.threadId(), fds, close.fd());
            case null, default -> {
            }
        }
    }

    /**
     * A file opened on fd {@code number}. libsinsp has put a new entry for it in the thread's table already, with
     * the path it resolved; a host that does not track fds has not, and the plugin adds one with the event's path.
     * An entry with counts of an earlier open is one whose close the plugin missed, and takes the new path too.
     */
    private void opened(Table fds, long number, Path path) {
        FileDescriptorsSubtable fd = tables().threads.fileDescriptorsTable;
        Entry entry = fd.get(fds, number);
        if (entry == null || fd.fdbytesOpen(entry) != 0) {
            entry = entry == null ? fds.add(number) : entry;
            fd.setFd(entry, number);
            fd.setName(entry, path.toString());
        }
        String name = fd.name(entry);
        fd.setFdbytesOpen(entry, ++opens);
        fd.setFdbytesWritten(entry, 0);
        fd.setFdbytesRead(entry, 0);
        fd.setFdbytesFile(entry, fileOf(name.isEmpty() ? path.toString() : name));
    }

    /**
     * An fd of the thread's table the plugin did not see opened (libsinsp found it in /proc when the capture
     * started): it is counted from now on, under the path libsinsp gives it.
     */
    private void adopt(Entry entry) {
        FileDescriptorsSubtable fd = tables().threads.fileDescriptorsTable;
        String name = fd.name(entry);
        fd.setFdbytesOpen(entry, ++opens);
        fd.setFdbytesFile(entry, fileOf(name));
    }

    /**
     * The number of the file of {@code path} in {@link #files}, added on its first open; 0 for a name that is no
     * absolute path (libsinsp names sockets, pipes and the like by what they are) and once max-files are kept.
     */
    private long fileOf(String path) {
        if (!path.startsWith("/")) {
            return 0;
        }
        Entry file = files.get(path);
        if (file != null) {
            return file.get(fileNumber);
        }
        if (paths.size() >= maxFiles) {
            if (!full) {
                full = true;
                LOG.log(System.Logger.Level.WARNING, "max-files (" + maxFiles + ") reached: the files opened from now on"
                        + " are counted per fd only");
            }
            return 0;
        }
        paths.add(path);
        file = files.add(path);
        file.set(filePath, path);
        file.set(fileNumber, paths.size());
        return paths.size();
    }

    /** The entry of {@link #files} of an fd entry, found by number: no string is read from the fd table. */
    private Entry fileOf(Entry fdEntry) {
        long number = tables().threads.fileDescriptorsTable.fdbytesFile(fdEntry);
        return number == 0 ? null : files.get(paths.get((int) number - 1));
    }

    private void transferred(Table fds, long number, Errno res, LongField fdCount, LongField fileCount) {
        long bytes = res.value();
        Entry entry = bytes > 0 ? fds.get(number) : null;
        if (entry == null) {
            return;
        }
        if (tables().threads.fileDescriptorsTable.fdbytesOpen(entry) == 0) {
            adopt(entry);
        }
        entry.set(fdCount, entry.get(fdCount) + bytes);
        Entry file = fileOf(entry);
        if (file != null) {
            file.set(fileCount, file.get(fileCount) + bytes);
        }
    }

    /**
     * libsinsp keeps a closed fd in the thread's table until the next event, so that the fields of the close event
     * still read it; the plugin does the same with the entry: it erases it when it parses the next event.
     */
    private void closing(long threadId, Table fds, long number) {
        Entry entry = fds.get(number);
        long open = entry == null ? 0 : tables().threads.fileDescriptorsTable.fdbytesOpen(entry);
        if (open != 0) {
            closed.set(threadId, number, open);
        }
    }

    /**
     * Erases the entry of the last close, unless it is gone (libsinsp erased it) or is another one: a new entry of
     * libsinsp for a new open on that fd has no open number of the plugin yet.
     */
    private void eraseClosed(FdbytesTables.Threads threads) {
        closed.pending = false;
        Entry thread = threads.get(closed.threadId);
        Table fds = thread == null ? null : threads.fileDescriptors(thread);
        Entry entry = fds == null ? null : fds.get(closed.fd);
        if (entry != null && threads.fileDescriptorsTable.fdbytesOpen(entry) == closed.open) {
            fds.erase(closed.fd);
        }
    }

    /** The fd entry of the event's thread for the fd the event reads, writes or closes, or {@code null}. */
    private Entry fdEntry(ExtractRequest request) {
        long number = fdOf(events.read(request.event()));
        FdbytesTables.Threads threads = tables().threads;
        Entry thread = number >= 0 ? threads.get(request.event().threadId()) : null;
        return thread == null ? null : threads.fileDescriptorsTable.get(threads.fileDescriptors(thread), number);
    }

    private static long fdOf(SyscallEvent event) {
        return switch (event) {
            case ReadX read -> read.fd();
            case PreadX read -> read.fd();
            case ReadvX read -> read.fd();
            case PreadvX read -> read.fd();
            case WriteX write -> write.fd();
            case PwriteX write -> write.fd();
            case WritevX write -> write.fd();
            case PwritevX write -> write.fd();
            case CloseX close -> close.fd();
            case null, default -> -1;
        };
    }

    private long fdCount(ExtractRequest request, LongField count) {
        Entry entry = fdEntry(request);
        if (entry == null) {
            request.noValue();
            return 0;
        }
        return entry.get(count);
    }

    private long fileCount(ExtractRequest request, LongField count) {
        Entry entry = fdEntry(request);
        Entry file = entry == null ? null : fileOf(entry);
        if (file == null) {
            request.noValue();
            return 0;
        }
        return file.get(count);
    }

    @Override
    protected long extractWritten(ExtractRequest request) {
        return fdCount(request, tables().threads.fileDescriptorsTable.fdbytesWrittenField);
    }

    @Override
    protected long extractRead(ExtractRequest request) {
        return fdCount(request, tables().threads.fileDescriptorsTable.fdbytesReadField);
    }

    @Override
    protected String extractPath(ExtractRequest request) {
        Entry entry = fdEntry(request);
        String path = entry == null ? "" : tables().threads.fileDescriptorsTable.name(entry);
        if (path.isEmpty()) {
            request.noValue();
            return null;
        }
        return path;
    }

    @Override
    protected long extractFileWritten(ExtractRequest request) {
        return fileCount(request, fileWritten);
    }

    @Override
    protected long extractFileRead(ExtractRequest request) {
        return fileCount(request, fileRead);
    }

    /** The fd entry of the last close, erased when the next event is parsed. */
    private static final class ClosedFd {

        boolean pending;
        long threadId;
        long fd;
        long open;

        void set(long threadId, long fd, long open) {
            this.pending = true;
            this.threadId = threadId;
            this.fd = fd;
            this.open = open;
        }
    }
}
