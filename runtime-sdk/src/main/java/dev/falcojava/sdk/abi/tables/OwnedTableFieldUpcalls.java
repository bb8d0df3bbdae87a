package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.tables.OwnedTable.Column;
import dev.falcojava.sdk.api.tables.StateType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.IdentityHashMap;
import java.util.Map;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The fields vtable of an exported {@link OwnedTable} and of its sub-tables, whose fields are those of their
 * shape: list, look up and add fields. A field of type table is listed read-only (its sub-table is written through
 * its own vtables) and cannot be added by the host, as in libsinsp.
 */
final class OwnedTableFieldUpcalls {

    private record Listed(MemorySegment infos, int count) {
    }

    private final OwnedTableUpcalls upcalls;
    private final Arena arena;
    private final Map<OwnedTable, Listed> listed = new IdentityHashMap<>();

    private OwnedTableFieldUpcalls(OwnedTableUpcalls upcalls, Arena arena) {
        this.upcalls = upcalls;
        this.arena = arena;
    }

    /** Fills {@code vtable} with upcalls into a new instance serving {@code upcalls}' table. */
    static void bind(MemorySegment vtable, OwnedTableUpcalls upcalls, Arena arena) {
        TableVtable.bind(TableVtable.Group.FIELDS, vtable, MethodHandles.lookup(), new OwnedTableFieldUpcalls(upcalls, arena), arena);
    }

    private long listTableFields(long pointer, long count) {
        try {
            OwnedTable table = upcalls.at(pointer, "list_table_fields");
            if (table == null) {
                return 0;
            }
            OwnedTable shape = table.shape;
            int size = shape.columns().size();
            Listed known = listed.get(shape);
            if (known == null || known.count != size) {
                MemorySegment infos = arena.allocate(FIELD_INFO_SIZE * Math.max(1, size), 8);
                for (Column column : shape.columns()) {
                    long at = column.index() * FIELD_INFO_SIZE;
                    infos.set(JAVA_LONG, at + FIELD_INFO_NAME, column.cName().address());
                    infos.set(JAVA_INT, at + FIELD_INFO_TYPE, column.type().code());
                    infos.set(JAVA_INT, at + FIELD_INFO_READ_ONLY, column.readOnly() ? 1 : 0);
                }
                known = new Listed(infos, size);
                listed.put(shape, known);
            }
            NativeMemory.putU32(count, size);
            return known.infos.address();
        } catch (Throwable t) {
            upcalls.failed("list_table_fields", t);
            return 0;
        }
    }

    private long getTableField(long pointer, long fieldName, int type) {
        try {
            OwnedTable table = upcalls.at(pointer, "get_table_field");
            if (table == null) {
                return 0;
            }
            String wanted = NativeMemory.string(fieldName, null);
            Column column = wanted == null ? null : table.column(wanted);
            if (column == null) {
                upcalls.failed("no field " + wanted);
                return 0;
            }
            if (column.type().code() != type) {
                StateType asked = StateType.ofCode(type);
                upcalls.failed("field " + wanted + " is of type " + column.type().yamlName() + ", not "
                        + (asked == null ? "type code " + type : asked.yamlName()));
                return 0;
            }
            return column.index() + 1L;
        } catch (Throwable t) {
            upcalls.failed("get_table_field", t);
            return 0;
        }
    }

    private long addTableField(long pointer, long fieldName, int type) {
        try {
            OwnedTable table = upcalls.at(pointer, "add_table_field");
            if (table == null) {
                return 0;
            }
            StateType asked = StateType.ofCode(type);
            String wanted = NativeMemory.string(fieldName, null);
            if (wanted == null || asked == null || asked == StateType.TABLE) {
                upcalls.failed("add_table_field: " + (wanted == null ? "the name is NULL"
                        : "fields of type " + (asked == null ? "code " + type : "table") + " cannot be added"));
                return 0;
            }
            Column existing = table.column(wanted);
            if (existing != null && existing.readOnly()) {
                upcalls.failed("field " + wanted + " is defined by the table's owner and cannot be added");
                return 0;
            }
            return table.addColumn(wanted, asked, false).index() + 1L;
        } catch (Throwable t) {
            upcalls.failed("add_table_field", t);
            return 0;
        }
    }
}
