package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.abi.tables.TableDowncalls;
import dev.falcojava.sdk.abi.tables.TableVtable;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.TableException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A table read as the host sees it, through the vtables of its {@code ss_plugin_table_input}: every entry as a map
 * of field name to value, a field of type table as the rows of the entry's sub-table (read through its own input).
 */
final class TableRows {

    private final TableRegistry registry;

    TableRows(TableRegistry registry) {
        this.registry = registry;
    }

    List<Map<String, Object>> rows(String name, MemorySegment input) {
        long t = input.get(JAVA_LONG, TABLE_INPUT_TABLE);
        long fieldsVtable = input.get(JAVA_LONG, TABLE_INPUT_FIELDS_EXT);
        long readerVtable = input.get(JAVA_LONG, TABLE_INPUT_READER_EXT);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(8, 8);
            long infos = (long) TableDowncalls.POINTER_OF_2.invokeExact(registry.function(fieldsVtable, FIELDS_LIST_TABLE_FIELDS), t, count.address());
            if (infos == 0) {
                throw new TableException("listing the fields of table " + name + " failed: " + registry.lastError());
            }
            int n = count.get(JAVA_INT, 0);
            List<String> names = new ArrayList<>();
            List<StateType> types = new ArrayList<>();
            List<Long> handles = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long info = infos + i * FIELD_INFO_SIZE;
                StateType type = StateType.ofCode(HostMemory.u32(info + FIELD_INFO_TYPE));
                if (type == null) {
                    continue;
                }
                long fieldName = HostMemory.pointer(info + FIELD_INFO_NAME);
                names.add(HostMemory.string(fieldName, "?"));
                types.add(type);
                handles.add((long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(registry.function(fieldsVtable, FIELDS_GET_TABLE_FIELD),
                        t, fieldName, type.code()));
            }
            MemorySegment out = call.allocate(8, 8);
            List<Map<String, Object>> rows = new ArrayList<>();
            MemorySegment read = registry.function(readerVtable, READER_READ_ENTRY_FIELD);
            RowCollector collector = new RowCollector(entry -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    out.set(JAVA_LONG, 0, 0);
                    int rc = (int) TableDowncalls.RC_OF_4.invokeExact(read, t, entry, (long) handles.get(i), out.address());
                    if (rc != TableRegistry.SUCCESS) {
                        throw new TableException("reading field " + names.get(i) + " of table " + name + " failed: " + registry.lastError());
                    }
                    row.put(names.get(i), types.get(i) == StateType.TABLE
                            ? rows(name + "." + names.get(i), MemorySegment.ofAddress(out.get(JAVA_LONG, 0)).reinterpret(TABLE_INPUT.byteSize()))
                            : value(types.get(i), out));
                }
                rows.add(row);
            });
            MemorySegment iterator = TableVtable.ITERATOR.upcall(MethodHandles.lookup().findVirtual(RowCollector.class, "visit",
                    TableVtable.ITERATOR.descriptor().toMethodType()).bindTo(collector), call);
            int complete = (int) TableDowncalls.RC_OF_3.invokeExact(registry.function(readerVtable, READER_ITERATE_ENTRIES), t,
                    iterator.address(), 0L);
            if (collector.failure != null) {
                throw TableDowncalls.unchecked(collector.failure);
            }
            if (complete == 0) {
                throw new TableException("iterating table " + name + " failed: " + registry.lastError());
            }
            return rows;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface RowBody {
        void accept(long entry) throws Throwable;
    }

    /** The iterator of {@link #rows}: collects one entry per call, stopping at the first failure. */
    private static final class RowCollector {
        private final RowBody body;
        private Throwable failure;

        RowCollector(RowBody body) {
            this.body = body;
        }

        int visit(long state, long entry) {
            try {
                body.accept(entry);
                return 1;
            } catch (Throwable t) {
                failure = t;
                return 0;
            }
        }
    }

    private static Object value(StateType type, MemorySegment out) {
        long raw = out.get(JAVA_LONG, 0);
        return switch (type) {
            case INT8 -> (long) (byte) raw;
            case INT16 -> (long) (short) raw;
            case INT32 -> (long) (int) raw;
            case UINT8 -> raw & 0xFF;
            case UINT16 -> raw & 0xFFFF;
            case UINT32 -> raw & 0xFFFFFFFFL;
            case BOOL -> (raw & 0xFFFFFFFFL) != 0;
            case STRING -> HostMemory.string(raw, null);
            default -> raw;
        };
    }
}
