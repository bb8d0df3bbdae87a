package dev.falcojava.sdk.abi.tables;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The views of host entries and sub-tables one {@link TableCall} hands out: valid until the call ends, pooled call
 * after call, so steady-state calls allocate none.
 */
final class CallViews {

    private final TableCall call;
    private HostEntry[] entries = new HostEntry[16];
    private int entriesInUse;
    private HostTable[] subtables = new HostTable[4];
    private int subtablesInUse;

    CallViews(TableCall call) {
        this.call = call;
    }

    /** A view of the host's entry at {@code address} of {@code table}, released when the call ends. */
    HostEntry hold(HostTable table, long address) {
        if (entriesInUse == entries.length) {
            entries = Arrays.copyOf(entries, entriesInUse * 2);
        }
        HostEntry entry = entries[entriesInUse];
        if (entry == null) {
            entry = new HostEntry(call);
            entries[entriesInUse] = entry;
        }
        entriesInUse++;
        entry.table = table;
        entry.address = address;
        return entry;
    }

    boolean holdsEntries() {
        return entriesInUse > 0;
    }

    /**
     * The view of the sub-table at {@code address} of {@code shape}. Views are pooled by shape (two handles of one
     * field are two shapes).
     */
    HostTable subtable(HostTable shape, long address) {
        for (int i = 0; i < subtablesInUse; i++) {
            if (subtables[i].shape == shape && subtables[i].address == address) {
                return subtables[i];
            }
        }
        int found = subtablesInUse;
        while (found < subtables.length && subtables[found] != null && subtables[found].shape != shape) {
            found++;
        }
        if (found == subtables.length) {
            subtables = Arrays.copyOf(subtables, subtables.length * 2);
        }
        if (subtables[found] == null) {
            subtables[found] = new HostTable(call, shape);
        }
        HostTable view = subtables[found];
        subtables[found] = subtables[subtablesInUse];
        subtables[subtablesInUse++] = view;
        view.address = address;
        return view;
    }

    /**
     * Gives every entry back to the host through {@code release} (its release_table_entry, or null when it has none)
     * and empties every view. Never throws.
     */
    void releaseAll(MemorySegment release) {
        for (int i = 0; i < entriesInUse; i++) {
            HostEntry entry = entries[i];
            if (release != null && entry.address != 0) {
                try {
                    TableDowncalls.VOID_OF_2.invokeExact(release, entry.table.address, entry.address);
                } catch (Throwable ignored) {
                    // nothing is left for the plugin to do when the host cannot release
                }
            }
            entry.address = 0;
            entry.table = null;
        }
        entriesInUse = 0;
        for (int i = 0; i < subtablesInUse; i++) {
            subtables[i].address = 0;
        }
        subtablesInUse = 0;
    }
}
