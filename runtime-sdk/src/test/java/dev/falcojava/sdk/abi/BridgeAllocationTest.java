package dev.falcojava.sdk.abi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

import static dev.falcojava.sdk.abi.Layouts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In steady state the bridge allocates nothing on the Java heap per event: not for sourcing a batch, not for
 * extracting fields of every type. Calls go through downcall handles into the same upcall stubs the native glue
 * calls, so upcalls run on this thread and its allocation counter sees all of it.
 */
class BridgeAllocationTest {

    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 200_000;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void sourcingAndExtractionAllocateNothingPerEventInSteadyState() throws Throwable {
        Arena arena = Arena.ofShared();
        MemorySegment table = arena.allocate(BridgeSlot.tableBytes(), 8);
        BridgeSlot.writeHeader(table, BridgeSlot.ALL);
        assertEquals(null, Bootstrap.install(table.address(), QuietPlugin.class.getName()));
        Linker linker = Linker.nativeLinker();
        MethodHandle init = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.INIT.offset()), BridgeSlot.INIT.descriptor());
        MethodHandle open = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.OPEN.offset()), BridgeSlot.OPEN.descriptor());
        MethodHandle next = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.NEXT_BATCH.offset()), BridgeSlot.NEXT_BATCH.descriptor());
        MethodHandle extract = linker.downcallHandle(table.get(ValueLayout.ADDRESS, BridgeSlot.EXTRACT_FIELDS.offset()), BridgeSlot.EXTRACT_FIELDS.descriptor());

        MemorySegment rc = arena.allocate(8, 8);
        MemorySegment initInput = arena.allocate(INIT_INPUT);
        initInput.set(ValueLayout.ADDRESS, INIT_INPUT_CONFIG, arena.allocateFrom(""));
        long state = (long) init.invokeExact(initInput.address(), rc.address(), 0L, 0L);
        assertEquals(0, rc.get(ValueLayout.JAVA_INT, 0));
        long instance = (long) open.invokeExact(state, arena.allocateFrom("").address(), rc.address(), 0L);
        MemorySegment count = arena.allocate(8, 8);
        MemorySegment events = arena.allocate(8, 8);

        int fieldCount = 6;
        int[] types = {8, 9, 25, 8, 9, 9};
        MemorySegment fields = arena.allocate(EXTRACT_FIELD_SIZE * fieldCount, 8);
        for (int i = 0; i < fieldCount; i++) {
            fields.set(ValueLayout.JAVA_INT, i * EXTRACT_FIELD_SIZE + FIELD_ID, i);
            fields.set(ValueLayout.JAVA_INT, i * EXTRACT_FIELD_SIZE + FIELD_TYPE, types[i]);
        }
        MemorySegment extractInput = arena.allocate(EXTRACT_INPUT);
        extractInput.set(ValueLayout.JAVA_INT, EXTRACT_INPUT_NUM_FIELDS, fieldCount);
        extractInput.set(ValueLayout.ADDRESS, EXTRACT_INPUT_FIELDS, fields);
        MemorySegment eventInput = arena.allocate(EVENT_INPUT);
        MemorySegment singleInput = arena.allocate(EXTRACT_INPUT);
        singleInput.set(ValueLayout.JAVA_INT, EXTRACT_INPUT_NUM_FIELDS, 1);

        for (int round = 0; round < 2; round++) {
            long allocated = 0;
            int total = round == 0 ? WARM_UP : MEASURED;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < total; ) {
                int result = (int) (long) next.invokeExact(state, instance, count.address(), events.address());
                int n = count.get(ValueLayout.JAVA_INT, 0);
                long pointers = events.get(ValueLayout.JAVA_LONG, 0);
                for (int k = 0; k < n && i < total; k++, i++) {
                    eventInput.set(ValueLayout.JAVA_LONG, EVENT_INPUT_EVT, NativeMemory.pointer(pointers + 8L * k));
                    eventInput.set(ValueLayout.JAVA_LONG, EVENT_INPUT_EVTNUM, i + 1L);
                    int extracted = (int) (long) extract.invokeExact(state, eventInput.address(), extractInput.address(), 0L);
                    for (int f = 0; f < fieldCount && extracted == 0; f++) {
                        singleInput.set(ValueLayout.JAVA_LONG, EXTRACT_INPUT_FIELDS, fields.address() + (long) f * EXTRACT_FIELD_SIZE);
                        extracted = (int) (long) extract.invokeExact(state, eventInput.address(), singleInput.address(), 0L);
                    }
                    if (extracted != 0 || result != 0) {
                        throw new AssertionError("call failed: next_batch " + result + ", extract_fields " + extracted);
                    }
                }
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                double perEvent = (double) allocated / MEASURED;
                System.out.printf("bridge allocation in steady state: %d bytes over %d events (%.4f bytes per event)%n",
                        allocated, MEASURED, perEvent);
                assertEquals(0.0, perEvent, 0.05, "bytes allocated per event, sourcing plus 6 fields extracted in one call and again one per call, as libsinsp calls");
            }
        }
    }
}
