package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import dev.falcojava.sdk.abi.Bootstrap;
import dev.falcojava.sdk.abi.BridgeSlot;

import static dev.falcojava.sdk.abi.Layouts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Table reads and writes allocate nothing on the Java heap in steady state: a parse plugin looks up an entry of the
 * host's threads table and reads and writes four fields per event (and another one reaches an fd entry in the
 * thread's file_descriptors sub-table), through the same vtables a host passes (here the harness's Java registry,
 * itself allocation-free), driven by downcalls into the bridge's upcall stubs on this thread.
 */
class TableAllocationTest {

    private static final int THREADS = 64;
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 200_000;

    private final com.sun.management.ThreadMXBean threadBean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void lookupsReadsAndWritesAllocateNothingPerEvent() throws Throwable {
        TableRegistry registry = TableRegistry.withThreads();
        Table threads = registry.hostTable("threads");
        for (long tid = 1; tid <= THREADS; tid++) {
            Entry entry = threads.add(tid);
            entry.set(threads.field("pid", FieldKind.INT64), tid);
            entry.set(threads.field("uid", FieldKind.UINT32), 1000);
        }
        parseAndMeasure(registry, QuietTablesPlugin.class, "1 lookup, 4 reads, 2 writes");
        List<Map<String, Object>> rows = registry.rows("threads");
        long seen = rows.stream().mapToLong(row -> (Long) row.get("seen")).sum();
        assertEquals((long) WARM_UP + MEASURED, seen, "every event incremented its thread's counter");
    }

    @Test
    void theNestedPathAllocatesNothingPerEvent() throws Throwable {
        TableRegistry registry = TableRegistry.withThreads();
        Table threads = registry.hostTable("threads");
        SubtableField fds = threads.field("file_descriptors", FieldKind.table(StateType.INT64));
        for (long tid = 1; tid <= THREADS; tid++) {
            threads.add(tid).get(fds).add(QuietNestedTablesPlugin.FD).set(fds.field("fd", FieldKind.INT64), QuietNestedTablesPlugin.FD);
        }
        parseAndMeasure(registry, QuietNestedTablesPlugin.class,
                "a thread lookup, its sub-table, an fd lookup, 2 reads, 1 write");
        long seen = 0;
        for (Map<String, Object> thread : registry.rows("threads")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fdRows = (List<Map<String, Object>>) thread.get("file_descriptors");
            seen += fdRows.stream().mapToLong(row -> (Long) row.get("seen")).sum();
        }
        assertEquals((long) WARM_UP + MEASURED, seen, "every event incremented its fd's counter in the sub-table");
    }

    private void parseAndMeasure(TableRegistry registry, Class<?> plugin, String perEvent) throws Throwable {
        Arena arena = Arena.ofShared();
        MemorySegment table = arena.allocate(BridgeSlot.tableBytes(), 8);
        BridgeSlot.writeHeader(table, BridgeSlot.ALL);
        assertEquals(null, Bootstrap.install(table.address(), plugin.getName()));
        Linker linker = Linker.nativeLinker();
        MethodHandle init = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.INIT.offset()), BridgeSlot.INIT.descriptor());
        MethodHandle parse = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.PARSE_EVENT.offset()), BridgeSlot.PARSE_EVENT.descriptor());
        MethodHandle lastError = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.GET_LAST_ERROR.offset()), BridgeSlot.GET_LAST_ERROR.descriptor());

        MemorySegment owner = arena.allocate(8);
        MemorySegment rc = arena.allocate(8, 8);
        MemorySegment initInput = arena.allocate(INIT_INPUT);
        initInput.set(ValueLayout.ADDRESS, INIT_INPUT_CONFIG, arena.allocateFrom(""));
        initInput.set(ValueLayout.JAVA_LONG, INIT_INPUT_OWNER, owner.address());
        initInput.set(ValueLayout.JAVA_LONG, INIT_INPUT_GET_OWNER_LAST_ERROR, registry.ownerLastErrorFunction());
        initInput.set(ValueLayout.JAVA_LONG, INIT_INPUT_TABLES, registry.initInput());
        registry.enter("plugin_init");
        long state = (long) init.invokeExact(initInput.address(), rc.address(), 0L, 0L);
        registry.leave();
        assertEquals(0, rc.get(ValueLayout.JAVA_INT, 0), () -> error(lastError, state));

        MemorySegment parseInput = arena.allocate(PARSE_INPUT);
        parseInput.set(ValueLayout.JAVA_LONG, PARSE_INPUT_OWNER, owner.address());
        parseInput.set(ValueLayout.JAVA_LONG, PARSE_INPUT_GET_OWNER_LAST_ERROR, registry.ownerLastErrorFunction());
        parseInput.set(ValueLayout.JAVA_LONG, PARSE_INPUT_TABLE_READER_EXT, registry.reader());
        parseInput.set(ValueLayout.JAVA_LONG, PARSE_INPUT_TABLE_WRITER_EXT, registry.writer());
        MemorySegment event = arena.allocate(PLUGIN_EVENT_PAYLOAD + 8, 8);
        event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_LEN, (int) (PLUGIN_EVENT_PAYLOAD + 8));
        event.set(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE, (short) 322);
        event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_NPARAMS, 2);
        event.set(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PARAM_LENS, 4);
        event.set(ValueLayout.JAVA_INT_UNALIGNED, PLUGIN_EVENT_PARAM_LENS + 4, 8);
        MemorySegment eventInput = arena.allocate(EVENT_INPUT);
        eventInput.set(ValueLayout.ADDRESS, EVENT_INPUT_EVT, event);
        eventInput.set(ValueLayout.ADDRESS, EVENT_INPUT_EVTSRC, arena.allocateFrom("quiet"));

        registry.enter("parse_event");
        for (int round = 0; round < 2; round++) {
            int total = round == 0 ? WARM_UP : MEASURED;
            long before = threadBean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < total; i++) {
                event.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID, 1 + i % THREADS);
                eventInput.set(ValueLayout.JAVA_LONG, EVENT_INPUT_EVTNUM, i + 1L);
                int code = (int) (long) parse.invokeExact(state, eventInput.address(), parseInput.address(), 0L);
                if (code != 0) {
                    throw new AssertionError("parse_event failed: " + error(lastError, state));
                }
            }
            long allocated = threadBean.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                double bytes = (double) allocated / MEASURED;
                System.out.printf("table access allocation in steady state (%s): %d bytes over %d events (%.4f bytes per event)%n",
                        plugin.getSimpleName(), allocated, MEASURED, bytes);
                assertEquals(0.0, bytes, 0.05, "bytes allocated per event: " + perEvent);
            }
        }
        registry.leave();
        assertEquals(null, registry.takeViolation());
    }

    private static String error(MethodHandle lastError, long state) {
        try {
            return HostMemory.string((long) lastError.invokeExact(state, 0L, 0L, 0L), "?");
        } catch (Throwable t) {
            return t.toString();
        }
    }
}
