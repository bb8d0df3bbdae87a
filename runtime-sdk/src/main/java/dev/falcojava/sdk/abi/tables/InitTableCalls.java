package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.api.tables.FieldInfo;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableInfo;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * The part of the tables API a plugin may use during plugin_init only: the registry of the init input (list, get
 * and add tables) and the fields vtable (list, get and add fields), through the vtables of the current {@link TableCall}.
 */
final class InitTableCalls {

    private final TableCall call;

    InitTableCalls(TableCall call) {
        this.call = call;
    }

    List<TableInfo> listTables() {
        MemorySegment function = registryFunction(TableVtable.LIST_TABLES);
        NativeMemory.putU32(call.count, 0);
        long array;
        try {
            array = (long) TableDowncalls.POINTER_OF_2.invokeExact(function, call.owner(), call.count);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        int n = NativeMemory.u32(call.count);
        if (array == 0 && n != 0) {
            throw new TableException("listing the host's tables failed: " + call.ownerError());
        }
        List<TableInfo> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long info = array + i * TABLE_INFO_SIZE;
            tables.add(new TableInfo(NativeMemory.string(NativeMemory.pointer(info + TABLE_INFO_NAME), "?"),
                    StateType.ofCode(NativeMemory.u32(info + TABLE_INFO_KEY_TYPE))));
        }
        return List.copyOf(tables);
    }

    /** The host's pointer to table {@code name}, or 0 when it has none of that name and key type. */
    long getTable(String name, StateType keyType) {
        MemorySegment function = registryFunction(TableVtable.GET_TABLE);
        long text = call.nameText(name);
        try {
            return (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(function, call.owner(), text, keyType.code());
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
    }

    /** Registers the table described by the {@code ss_plugin_table_input} at {@code input}; false when refused. */
    boolean addTable(long input) {
        MemorySegment function = registryFunction(TableVtable.ADD_TABLE);
        try {
            return (int) TableDowncalls.RC_OF_2.invokeExact(function, call.owner(), input) == ReturnCode.SUCCESS;
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
    }

    private MemorySegment registryFunction(TableVtable function) {
        if (!call.inInit()) {
            throw new IllegalStateException(call.tablesInput() == 0 && call.name() == TableCall.INIT
                    ? "the host gave this plugin no tables (it does so only for plugins with parse or extract capability)"
                    : "tables are listed, looked up and added during plugin_init only, not during " + call.describe());
        }
        return call.function(call.tablesInput(), function);
    }

    List<FieldInfo> listFields(HostTable table) {
        long vtable = fieldsVtable(table, "listing its fields");
        MemorySegment function = call.function(vtable, TableVtable.LIST_TABLE_FIELDS);
        NativeMemory.putU32(call.count, 0);
        long array;
        try {
            array = (long) TableDowncalls.POINTER_OF_2.invokeExact(function, table.address, call.count);
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
        int n = NativeMemory.u32(call.count);
        if (array == 0 && n != 0) {
            throw new TableException("table " + table.name() + ": listing its fields failed: " + call.ownerError());
        }
        List<FieldInfo> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long info = array + i * FIELD_INFO_SIZE;
            infos.add(new FieldInfo(NativeMemory.string(NativeMemory.pointer(info + FIELD_INFO_NAME), "?"),
                    StateType.ofCode(NativeMemory.u32(info + FIELD_INFO_TYPE)), NativeMemory.u32(info + FIELD_INFO_READ_ONLY) != 0));
        }
        return List.copyOf(infos);
    }

    /** The owner's field pointer, or 0 when refused (then {@link TableCall#ownerError()} says why). */
    long field(HostTable table, String name, StateType type, boolean add) {
        long vtable = fieldsVtable(table, add ? "adding field " + name : "looking up field " + name);
        TableVtable function = add ? TableVtable.ADD_TABLE_FIELD : TableVtable.GET_TABLE_FIELD;
        MemorySegment segment = call.function(vtable, function);
        long text = call.nameText(name);
        try {
            return (long) TableDowncalls.POINTER_OF_NAME_TYPE.invokeExact(segment, table.address, text, type.code());
        } catch (Throwable t) {
            throw TableDowncalls.unchecked(t);
        }
    }

    private long fieldsVtable(HostTable table, String what) {
        if (call.name() != TableCall.INIT) {
            throw new IllegalStateException("table " + table.name() + ": " + what + " is possible during plugin_init only,"
                    + " not during " + call.describe() + "; resolve fields in init(String, Tables) and keep the handles");
        }
        if (call.fields() == 0) {
            throw new IllegalStateException("table " + table.name() + ": the host gave no fields vtable to plugin_init");
        }
        return call.fields();
    }
}
