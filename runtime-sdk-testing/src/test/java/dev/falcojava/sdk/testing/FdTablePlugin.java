package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldArgument;
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
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

import java.util.List;

/**
 * Keeps per-fd state in the host's nested table threads -> file_descriptors, and bytes per file and writer thread
 * in a table of its own with a nested table. Payloads: {@code open FD PATH}, {@code write FD BYTES},
 * {@code close FD}; extracts the bytes written on the thread's fds (iterating its fd table), the number of its open
 * fds and the name of the fd given as the field's index.
 */
public class FdTablePlugin implements ParsePlugin, ExtractPlugin {

    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("fdt.written", FieldType.UINT64, "bytes written on the thread's fds"),
            new FieldDefinition("fdt.open", FieldType.UINT64, "fds open in the thread"),
            new FieldDefinition("fdt.name", FieldType.STRING, false, FieldArgument.REQUIRED_INDEX, "name of the fd of the argument"));

    private Table threads;
    private SubtableField fds;
    private StringField name;
    private LongField written;
    private Table files;
    private SubtableField writers;
    private LongField bytes;

    @Override
    public PluginInfo info() {
        return new PluginInfo("fdt", "1.0.0", "per-fd state in nested tables", "nobody", "3.3.0");
    }

    @Override
    public void init(String config) {
        throw new AssertionError("the bridge calls init(String, Tables)");
    }

    @Override
    public void init(String config, Tables tables) {
        threads = tables.table("threads", StateType.INT64);
        fds = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
        name = fds.field("name", FieldKind.STRING);
        written = fds.addField("fdt_written", FieldKind.UINT64);
        files = tables.addTable("fdt_files", StateType.STRING);
        writers = files.addField("writers", FieldKind.table(StateType.INT64));
        bytes = writers.addField("bytes", FieldKind.UINT64);
    }

    @Override
    public void parse(PluginEvent event) {
        Entry thread = threads.get(event.threadId());
        if (thread == null) {
            return;
        }
        String[] words = event.payloadAsString().split(" ");
        Table fdTable = thread.get(fds);
        long fd = Long.parseLong(words[1]);
        switch (words[0]) {
            case "open" -> fdTable.add(fd).set(name, words[2]);
            case "write" -> {
                long n = Long.parseLong(words[2]);
                Entry entry = fdTable.get(fd);
                entry.set(written, entry.get(written) + n);
                String path = entry.get(name);
                Entry file = files.get(path);
                Table perWriter = (file == null ? files.add(path) : file).get(writers);
                Entry writer = perWriter.get(event.threadId());
                if (writer == null) {
                    writer = perWriter.add(event.threadId());
                }
                writer.set(bytes, writer.get(bytes) + n);
            }
            case "close" -> fdTable.erase(fd);
            default -> throw new IllegalArgumentException("unknown payload " + event.payloadAsString());
        }
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
        Table fdTable = thread.get(fds);
        switch (request.fieldId()) {
            case 0 -> {
                long[] total = {0};
                fdTable.forEach(fd -> {
                    total[0] += fd.get(written);
                    return true;
                });
                request.setU64(total[0]);
            }
            case 1 -> request.setU64(fdTable.size());
            default -> {
                Entry fd = fdTable.get(request.argumentIndex());
                if (fd == null) {
                    request.noValue();
                } else {
                    request.setString(fd.get(name));
                }
            }
        }
    }
}
