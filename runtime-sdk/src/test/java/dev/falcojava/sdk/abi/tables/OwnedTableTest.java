package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.IntField;
import dev.falcojava.sdk.api.tables.LongField;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.StringField;
import dev.falcojava.sdk.api.tables.TableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A plugin's own table as the plugin uses it directly. */
class OwnedTableTest {

    private final List<String> errors = new ArrayList<>();

    @Test
    void aFieldOfTypeTableIsRefusedAndItsKindNeedsAKeyType() {
        OwnedTable table = new OwnedTable("t", StateType.INT64, errors::add);
        TableException refused = assertThrows(TableException.class, () -> table.addField("fds", FieldKind.table(StateType.INT64)));
        assertEquals("table t: field fds of type table cannot be added: a plugin's own table has no sub-tables yet",
                refused.getMessage());
        assertEquals(List.of(), table.fields());
        assertEquals("table (int64 keys)", FieldKind.table(StateType.INT64).toString());
        assertEquals(StateType.STRING, FieldKind.table(StateType.STRING).subtableKeyType());
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class, () -> FieldKind.table(StateType.BOOL));
        assertEquals("sub-table keys must be of an integer type or string, not bool", badKey.getMessage());
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
