package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.Layouts;
import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.SubtableField;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plugin's own table as the plugin uses it directly, and as the host sees it through its upcalls. */
class OwnedTableTest {

    private final List<String> errors = new ArrayList<>();

    @Test
    void aFieldOfTypeTableGivesEachEntryASubTableWhoseFieldsAllSubTablesShare() {
        OwnedTable table = new OwnedTable("t", StateType.STRING, errors::add);
        SubtableField writers = table.addField("writers", FieldKind.table(StateType.INT64));
        assertSame(writers, table.addField("writers", FieldKind.table(StateType.INT64)));
        LongField bytes = writers.addField("bytes", FieldKind.UINT64);
        Table first = table.add("a").get(writers);
        first.add(7).set(bytes, 70);
        Table second = table.add("b").get(writers);
        assertSame(second, table.get("b").get(writers), "an entry keeps its sub-table");
        assertEquals(0, second.size());
        second.add(8).set(bytes, 80);
        assertEquals(70, table.get("a").get(writers).get(7).get(bytes));
        assertEquals(List.of(new FieldInfo("writers", StateType.TABLE, true)), table.fields());
        assertEquals(List.of(new FieldInfo("bytes", StateType.UINT64, false)), writers.fields());
        assertEquals("field writers of table t exists with type table (int64 keys), not table (string keys)",
                assertThrows(TableException.class, () -> table.addField("writers", FieldKind.table(StateType.STRING))).getMessage());
        assertEquals("table writers: field deeper of type table cannot be added: the fields of a sub-table cannot be"
                + " tables themselves (one level of nesting)",
                assertThrows(TableException.class, () -> writers.addField("deeper", FieldKind.table(StateType.INT64))).getMessage());
        assertEquals("field bytes belongs to table writers, not to table t",
                assertThrows(IllegalArgumentException.class, () -> table.get("a").get(bytes)).getMessage());
        table.add("a");
        assertEquals(0, table.get("a").get(writers).size(), "a replaced entry starts with an empty sub-table");
        assertEquals("table (int64 keys)", FieldKind.table(StateType.INT64).toString());
        assertEquals("sub-table keys must be of an integer type or string, not bool",
                assertThrows(IllegalArgumentException.class, () -> FieldKind.table(StateType.BOOL)).getMessage());
    }

    @Test
    void theHostReadsAFieldOfTypeTableAsTheSubTablesInputAndUsesItsVtables() throws Throwable {
        OwnedTable table = new OwnedTable("t", StateType.INT64, errors::add);
        SubtableField fds = table.addField("fds", FieldKind.table(StateType.INT64));
        LongField bytes = fds.addField("bytes", FieldKind.UINT64);
        table.add(1).get(fds).add(3).set(bytes, 30);
        HostView host = new HostView(table.exported());
        long entry = host.entry(host.table, 1);
        long fdsField = host.field(host.table, "fds", StateType.TABLE);
        long subInput = host.read(host.table, entry, fdsField);
        assertEquals("fds", NativeMemory.string(NativeMemory.pointer(subInput + Layouts.TABLE_INPUT_NAME), null));
        assertEquals(StateType.INT64.code(), NativeMemory.u32(subInput + Layouts.TABLE_INPUT_KEY_TYPE));
        long sub = NativeMemory.pointer(subInput + Layouts.TABLE_INPUT_TABLE);
        assertEquals(subInput, host.read(host.table, entry, fdsField), "the same sub-table gives the same input");
        long bytesField = host.field(sub, "bytes", StateType.UINT64);
        assertEquals(30, host.read(sub, host.entry(sub, 3), bytesField));
        assertEquals(1, (long) TableDowncalls.POINTER_OF_1.invokeExact(host.function(Layouts.TABLE_INPUT_READER_EXT, TableVtable.GET_TABLE_SIZE), sub));
        NativeMemory.putU64(host.value, 5);
        assertEquals(1, (int) TableDowncalls.RC_OF_4.invokeExact(host.function(Layouts.TABLE_INPUT_WRITER_EXT, TableVtable.WRITE_ENTRY_FIELD),
                host.table, entry, fdsField, host.value), "the host cannot write a field of type table");
        assertEquals("table t: field fds is read-only: a field of type table is written through its sub-table", errors.getLast());
        assertEquals(0L, host.field(sub, "deeper", StateType.TABLE, true), "nor add one");
        table.erase(1);
        assertEquals(-1, (long) TableDowncalls.POINTER_OF_1.invokeExact(host.function(Layouts.TABLE_INPUT_READER_EXT, TableVtable.GET_TABLE_SIZE), sub),
                "the sub-table of an erased entry is gone for the host");
        assertTrue(errors.getLast().contains("get_table_size was called with the table pointer " + Long.toHexString(sub)
                + ", which is neither this table's nor one of a sub-table that still exists"), errors.getLast());
    }

    /** The host's side: calls the exported input's vtables as libsinsp's dispatcher does. */
    private static final class HostView {
        final long input;
        final long table;
        final long value = java.lang.foreign.Arena.ofAuto().allocate(16, 8).address();

        HostView(long input) {
            this.input = input;
            this.table = NativeMemory.pointer(input + Layouts.TABLE_INPUT_TABLE);
        }

        java.lang.foreign.MemorySegment function(long vtableMember, TableVtable function) {
            return java.lang.foreign.MemorySegment.ofAddress(NativeMemory.pointer(NativeMemory.pointer(input + vtableMember) + function.offset()));
        }

        long entry(long t, long key) throws Throwable {
            NativeMemory.putU64(value, key);
            return (long) TableDowncalls.POINTER_OF_2.invokeExact(function(Layouts.TABLE_INPUT_READER_EXT, TableVtable.GET_TABLE_ENTRY), t, value);
        }

        long field(long t, String name, StateType type) throws Throwable {
            return field(t, name, type, false);
        }

        long field(long t, String name, StateType type, boolean add) throws Throwable {
            long text = java.lang.foreign.Arena.ofAuto().allocateFrom(name).address();
            return (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(function(Layouts.TABLE_INPUT_FIELDS_EXT,
                    add ? TableVtable.ADD_TABLE_FIELD : TableVtable.GET_TABLE_FIELD), t, text, type.code());
        }

        long read(long t, long entry, long field) throws Throwable {
            int rc = (int) TableDowncalls.RC_OF_4.invokeExact(function(Layouts.TABLE_INPUT_READER_EXT, TableVtable.READ_ENTRY_FIELD),
                    t, entry, field, value);
            assertEquals(0, rc);
            return NativeMemory.u64(value);
        }
    }

    @Test
    void entriesKeepInsertionOrderAReplacedKeyMovesToTheEndAndErasedKeysAreGone() {
        OwnedTable table = new OwnedTable("t", StateType.INT64, errors::add);
        LongField value = table.addField("value", FieldKind.INT64);
        for (long key : new long[] {5, -7, 9}) {
            table.add(key).set(value, key * 10);
        }
        table.add(-7).set(value, 1);
        assertEquals(List.of(50L, 90L, 1L), values(table, value));
        table.erase(5);
        assertNull(table.get(5));
        assertEquals(2, table.size());
        TableException missing = assertThrows(TableException.class, () -> table.erase(5));
        assertEquals("table t has no entry with key 5 to erase", missing.getMessage());
        table.clear();
        assertEquals(List.of(), values(table, value));
    }

    @Test
    void fieldsAreTypedAddingOneTwiceGivesTheSameFieldAndAnotherTypeIsRefused() {
        OwnedTable table = new OwnedTable("t", StateType.STRING, errors::add);
        StringField name = table.addField("name", FieldKind.STRING);
        assertSame(name, table.addField("name", FieldKind.STRING));
        assertSame(name, table.field("name", FieldKind.STRING));
        assertEquals("field name of table t exists with type string, not uint64",
                assertThrows(TableException.class, () -> table.addField("name", FieldKind.UINT64)).getMessage());
        assertEquals("table t has no field other",
                assertThrows(TableException.class, () -> table.field("other", FieldKind.BOOL)).getMessage());
        assertEquals("", table.add("k").get(name), "an unset string is empty");
    }

    @Test
    void keysAndValuesOutsideTheirTypesAndFieldsOfAnotherTableAreRefused() {
        OwnedTable small = new OwnedTable("small", StateType.UINT8, errors::add);
        IntField narrow = small.addField("narrow", FieldKind.INT8);
        assertEquals("key 256 does not fit table small (uint8 keys)",
                assertThrows(IllegalArgumentException.class, () -> small.add(256)).getMessage());
        assertEquals("value 128 does not fit field narrow of table small (int8)",
                assertThrows(IllegalArgumentException.class, () -> small.add(1).set(narrow, 128)).getMessage());
        small.get(1).set(narrow, -128);
        assertEquals(-128, small.get(1).get(narrow));
        assertEquals("table small has keys of type uint8: use the long methods, not the String ones",
                assertThrows(IllegalArgumentException.class, () -> small.get("1")).getMessage());
        OwnedTable other = new OwnedTable("other", StateType.UINT8, errors::add);
        IntField foreign = other.addField("narrow", FieldKind.INT8);
        assertEquals("field narrow belongs to table other, not to table small",
                assertThrows(IllegalArgumentException.class, () -> small.get(1).get(foreign)).getMessage());
        assertEquals(List.of(), errors, "refusals on the plugin's side are exceptions, not host errors");
    }

    private static List<Long> values(OwnedTable table, LongField field) {
        List<Long> values = new ArrayList<>();
        table.forEach(entry -> values.add(entry.get(field)));
        return values;
    }
}
