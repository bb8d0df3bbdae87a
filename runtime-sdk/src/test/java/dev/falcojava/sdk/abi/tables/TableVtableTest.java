package dev.falcojava.sdk.abi.tables;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.falcojava.sdk.abi.Layouts.TABLE_FIELDS;
import static dev.falcojava.sdk.abi.Layouts.TABLE_READER_EXT;
import static dev.falcojava.sdk.abi.Layouts.TABLE_WRITER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one description of the tables API's functions agrees with the struct layouts and the downcall handles. */
class TableVtableTest {

    @Test
    void eachVtableHasOneFunctionPerPointerInItsLayoutInOrder() {
        Map<TableVtable.Group, List<Long>> offsets = Stream.of(TableVtable.values())
                .filter(f -> f.offset() >= 0)
                .collect(Collectors.groupingBy(TableVtable::group, Collectors.mapping(TableVtable::offset, Collectors.toList())));
        assertEquals(expectedOffsets(TABLE_READER_EXT.byteSize()), offsets.get(TableVtable.Group.READER));
        assertEquals(expectedOffsets(TABLE_WRITER.byteSize()), offsets.get(TableVtable.Group.WRITER));
        assertEquals(expectedOffsets(TABLE_FIELDS.byteSize()), offsets.get(TableVtable.Group.FIELDS));
        assertEquals(List.of(0L, 8L, 16L), offsets.get(TableVtable.Group.REGISTRY));
    }

    @Test
    void everyFunctionIsCalledThroughAHandleOfItsOwnSignature() {
        Set<String> mismatched = new TreeSet<>();
        for (TableVtable function : TableVtable.values()) {
            MethodType expected = function.descriptor().toMethodType().insertParameterTypes(0, MemorySegment.class);
            if (!TableDowncalls.of(function).type().equals(expected)) {
                mismatched.add(function.cName());
            }
        }
        assertEquals(Set.of(), mismatched);
    }

    @Test
    void namesFollowTheCHeaderAndJavaConventions() {
        assertEquals("get_table_entry", TableVtable.GET_TABLE_ENTRY.cName());
        assertEquals("getTableEntry", TableVtable.GET_TABLE_ENTRY.javaName());
        assertEquals("getOwnerLastError", TableVtable.GET_OWNER_LAST_ERROR.javaName());
    }

    private static List<Long> expectedOffsets(long structBytes) {
        return Stream.iterate(0L, at -> at < structBytes, at -> at + 8).toList();
    }
}
