package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.EntryVisitor;
import dev.falcojava.sdk.api.tables.TableException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;

/**
 * iterate_entries for one {@link TableCall}: one iterator upcall for the plugin state, and per nesting level (a
 * visitor may iterate another table) the visitor, the entry view it gets and what stopped it, so that steady-state
 * iterations allocate nothing.
 */
final class TableIteration {

    private final TableCall call;
    private MemorySegment iterator;
    private EntryVisitor[] visitors = new EntryVisitor[2];
    private HostEntry[] views = new HostEntry[2];
    private Throwable[] visitorFailures = new Throwable[2];
    private boolean[] stopped = new boolean[2];
    private int depth;

    TableIteration(TableCall call) {
        this.call = call;
    }

    /** Calls {@code visitor} for each entry through iterate_entries; entries are valid during the visit only. */
    boolean iterate(HostTable table, EntryVisitor visitor) {
        MemorySegment function = call.function(call.reader(table, "iterating its entries", ""), TableVtable.ITERATE_ENTRIES);
        if (depth == visitors.length) {
            visitors = Arrays.copyOf(visitors, depth * 2);
            views = Arrays.copyOf(views, depth * 2);
            visitorFailures = Arrays.copyOf(visitorFailures, depth * 2);
            stopped = Arrays.copyOf(stopped, depth * 2);
        }
        int level = depth;
        if (views[level] == null) {
            views[level] = new HostEntry(call);
        }
        views[level].table = table;
        visitors[level] = visitor;
        visitorFailures[level] = null;
        stopped[level] = false;
        depth++;
        int more;
        try {
            more = (int) TableDowncalls.RC_OF_3.invokeExact(function, table.address, iterator().address(), (long) level);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        } finally {
            depth--;
            visitors[level] = null;
            views[level].table = null;
            views[level].address = 0;
        }
        Throwable failure = visitorFailures[level];
        visitorFailures[level] = null;
        if (failure != null) {
            throw TableDowncalls.unchecked(failure);
        }
        if (more == 0 && !stopped[level]) {
            throw new TableException("table " + table.name() + ": iterating its entries failed: " + call.ownerError());
        }
        return more != 0;
    }

    /** The iterator the host calls for each entry; {@code state} is the nesting level of the iteration. */
    private int visit(long state, long entry) {
        int level = (int) state;
        try {
            HostEntry view = views[level];
            view.address = entry;
            boolean more = visitors[level].visit(view);
            view.address = 0;
            stopped[level] = !more;
            return more ? 1 : 0;
        } catch (Throwable t) {
            visitorFailures[level] = t;
            stopped[level] = true;
            return 0;
        }
    }

    private MemorySegment iterator() {
        if (iterator == null) {
            try {
                iterator = TableVtable.ITERATOR.upcall(MethodHandles.lookup().findVirtual(TableIteration.class, "visit",
                        TableVtable.ITERATOR.descriptor().toMethodType()).bindTo(this), Arena.ofAuto());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return iterator;
    }
}
