package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.BoolField;
import dev.falcojava.sdk.api.tables.Entry;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * An entry of an {@link OwnedTable}: numbers, booleans and strings by column index, and the sub-tables of its fields
 * of type table, created on first use. A string read by the host is encoded once and kept until the value changes,
 * so the pointer stays valid as long as the value does.
 */
final class OwnedEntry implements Entry {

    private final OwnedTable table;
    final int slot;
    final int generation;
    long longKey;
    String stringKey;
    boolean inTable;
    OwnedEntry previous;
    OwnedEntry next;

    private long[] numbers;
    private String[] texts;
    private MemorySegment[] encoded;
    private OwnedTable[] subtables;

    OwnedEntry(OwnedTable table, int slot, int generation, int columns) {
        this.table = table;
        this.slot = slot;
        this.generation = generation;
        this.numbers = new long[Math.max(columns, 1)];
        this.texts = new String[Math.max(columns, 1)];
        this.encoded = new MemorySegment[Math.max(columns, 1)];
    }

    /** The pointer the host gets for this entry. */
    long handle() {
        return (long) generation << 32 | (slot + 1L);
    }

    long number(int column) {
        return column < numbers.length ? numbers[column] : 0;
    }

    void setNumber(int column, long value) {
        fit(column);
        numbers[column] = value;
    }

    String text(int column) {
        String text = column < texts.length ? texts[column] : null;
        return text == null ? "" : text;
    }

    void setText(int column, String value) {
        fit(column);
        texts[column] = value;
        encoded[column] = null;
    }

    /** The address of the NUL-terminated UTF-8 value of a string column. */
    long cString(int column) {
        String text = column < texts.length ? texts[column] : null;
        if (text == null || text.isEmpty()) {
            return OwnedTable.emptyText().address();
        }
        if (encoded[column] == null) {
            encoded[column] = Arena.ofAuto().allocateFrom(text);
        }
        return encoded[column].address();
    }

    /** The sub-table of the table-typed {@code column}, created empty on first use. */
    OwnedTable subtable(OwnedTable.Column column) {
        int index = column.index();
        if (subtables == null || index >= subtables.length) {
            subtables = Arrays.copyOf(subtables == null ? new OwnedTable[0] : subtables, Math.max(index + 1, numbers.length));
        }
        OwnedTable subtable = subtables[index];
        if (subtable == null) {
            subtable = column.subtables().newSubtable(table.root);
            subtables[index] = subtable;
        }
        return subtable;
    }

    /** The entry left its table or was destroyed: its sub-tables go with it. */
    void retireSubtables() {
        if (subtables != null) {
            for (int i = 0; i < subtables.length; i++) {
                if (subtables[i] != null) {
                    subtables[i].retire();
                    subtables[i] = null;
                }
            }
        }
    }

    private void fit(int column) {
        if (column >= numbers.length) {
            int size = Math.max(column + 1, numbers.length * 2);
            numbers = Arrays.copyOf(numbers, size);
            texts = Arrays.copyOf(texts, size);
            encoded = Arrays.copyOf(encoded, size);
        }
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public long get(LongField field) {
        return number(index(field));
    }

    @Override
    public int get(IntField field) {
        return (int) number(index(field));
    }

    @Override
    public boolean get(BoolField field) {
        return number(index(field)) != 0;
    }

    @Override
    public String get(StringField field) {
        return text(index(field));
    }

    @Override
    public Table get(SubtableField field) {
        TableFieldHandle.OfOwnedTable handle = (TableFieldHandle.OfOwnedTable) TableFieldHandle.check(field, table.shape);
        return subtable(table.shape.columns().get((int) handle.address - 1));
    }

    @Override
    public void set(LongField field, long value) {
        setNumber(index(field), value);
    }

    @Override
    public void set(IntField field, int value) {
        TableFieldHandle handle = TableFieldHandle.check(field, table.shape);
        setNumber((int) handle.address - 1, handle.checkedInt(value));
    }

    @Override
    public void set(BoolField field, boolean value) {
        setNumber(index(field), value ? 1 : 0);
    }

    @Override
    public void set(StringField field, String value) {
        int column = index(field);
        if (value == null) {
            throw new NullPointerException("the value of field " + field.name() + " of table " + table.name() + " is null");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the value of field " + field.name() + " of table " + table.name()
                    + " contains a NUL character");
        }
        setText(column, value);
    }

    private int index(dev.falcojava.sdk.api.tables.TableField field) {
        return (int) TableFieldHandle.check(field, table.shape).address - 1;
    }

    @Override
    public String toString() {
        return "entry " + (stringKey != null ? '"' + stringKey + '"' : Long.toString(longKey)) + " of table " + table.name();
    }
}
