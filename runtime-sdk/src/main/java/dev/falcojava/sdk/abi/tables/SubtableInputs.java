package dev.falcojava.sdk.abi.tables;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The {@code ss_plugin_table_input}s of the sub-tables of an exported {@link OwnedTable}, as the plugin API hands
 * out a field of type table: the host reads the field as a pointer to the sub-table's input, whose vtables are the
 * exported table's upcalls and whose table pointer is the input's own address, by which the upcalls find the
 * sub-table. An input is made when the host first reads the sub-table and given back when its entry leaves the
 * table; given-back inputs are reused, and their memory lives as long as the exported table, so a host that keeps
 * a pointer past its entry calls into a failure (or another sub-table), never into freed memory.
 */
final class SubtableInputs {

    private final MemorySegment template;
    private final Arena arena;
    private final LongEntryMap<OwnedTable> byAddress = new LongEntryMap<>();
    private final Map<OwnedTable, MemorySegment> names = new IdentityHashMap<>();
    private MemorySegment[] free = new MemorySegment[8];
    private int freeCount;

    /** Inputs made from {@code template}, the exported table's input (its vtables). */
    SubtableInputs(MemorySegment template, Arena arena) {
        this.template = template;
        this.arena = arena;
    }

    /** The address of {@code subtable}'s input, made on first use. */
    long inputOf(OwnedTable subtable) {
        if (subtable.input != 0) {
            return subtable.input;
        }
        MemorySegment input = freeCount > 0 ? free[--freeCount] : arena.allocate(TABLE_INPUT);
        MemorySegment.copy(template, 0, input, 0, TABLE_INPUT.byteSize());
        MemorySegment name = names.computeIfAbsent(subtable.shape, shape -> arena.allocateFrom(shape.name()));
        input.set(JAVA_LONG, TABLE_INPUT_NAME, name.address());
        input.set(JAVA_INT, TABLE_INPUT_KEY_TYPE, subtable.keyType().code());
        input.set(JAVA_LONG, TABLE_INPUT_TABLE, input.address());
        byAddress.put(input.address(), subtable);
        subtable.input = input.address();
        return input.address();
    }

    /** The live sub-table whose table pointer is {@code pointer}, or null. */
    OwnedTable at(long pointer) {
        return byAddress.get(pointer);
    }

    /** The name of the sub-tables of {@code subtable}'s shape, NUL-terminated. */
    long name(OwnedTable subtable) {
        return names.computeIfAbsent(subtable.shape, shape -> arena.allocateFrom(shape.name())).address();
    }

    /** {@code subtable} left with its entry: its input stops reaching it and is kept for reuse. */
    void release(OwnedTable subtable) {
        long address = subtable.input;
        subtable.input = 0;
        if (byAddress.remove(address) == null) {
            return;
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = MemorySegment.ofAddress(address).reinterpret(TABLE_INPUT.byteSize());
    }

    /** The number of sub-tables the host can reach now. */
    int live() {
        return byAddress.size();
    }
}
