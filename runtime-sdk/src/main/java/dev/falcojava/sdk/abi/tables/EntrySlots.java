package dev.falcojava.sdk.abi.tables;

import java.util.Arrays;

/**
 * The live entries of one {@link OwnedTable} by slot, as the host knows them: an entry's handle is
 * {@code generation << 32 | slot + 1}, so a handle of a destroyed entry never reaches the entry now in its slot.
 */
final class EntrySlots {

    private OwnedEntry[] slots = new OwnedEntry[16];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int slotsUsed;
    private int generation;

    /** A new entry of {@code table} with {@code columns} columns, in a free slot. */
    OwnedEntry create(OwnedTable table, int columns) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == slots.length) {
                slots = Arrays.copyOf(slots, slotsUsed * 2);
            }
            slot = slotsUsed++;
        }
        OwnedEntry entry = new OwnedEntry(table, slot, ++generation, columns);
        slots[slot] = entry;
        return entry;
    }

    void free(OwnedEntry entry) {
        if (slots[entry.slot] != entry) {
            return;
        }
        slots[entry.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = entry.slot;
    }

    /** The live entry the host knows as {@code handle}, or null when it was destroyed or never was. */
    OwnedEntry at(long handle) {
        int slot = (int) (handle & 0xFFFFFFFFL) - 1;
        int expected = (int) (handle >>> 32);
        OwnedEntry entry = slot >= 0 && slot < slotsUsed ? slots[slot] : null;
        return entry == null || entry.generation != expected ? null : entry;
    }
}
