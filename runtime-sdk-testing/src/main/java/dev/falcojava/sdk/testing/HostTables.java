package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;

import java.util.List;
import java.util.Map;

/**
 * The host's tables in a {@link PluginHarness}, held in Java: prepare them before init, fill them between calls,
 * and read any table, the plugin's own included, as the host sees it.
 */
public final class HostTables {

    private final TableRegistry registry;

    HostTables(TableRegistry registry) {
        this.registry = registry;
    }

    TableRegistry registry() {
        return registry;
    }

    /**
     * The host's {@code threads} table (int64 keys) with a subset of libsinsp's thread fields and their types:
     * tid, pid, ptid, sid, vtid, vpid, pgid (int64), comm, exe, exe_path, root (string), exe_writable (bool), uid,
     * gid, loginuid, tty (uint32), and cwd (string, read-only for plugins).
     */
    public Table threads() {
        return registry.hostTable("threads");
    }

    /** A table of the host, {@code threads} or one added with {@link #addTable}. */
    public Table table(String name) {
        return registry.hostTable(name);
    }

    /** Adds a table of the host; plugins find it at init. */
    public Table addTable(String name, StateType keyType) {
        return registry.addTable(name, keyType);
    }

    /** The names of every table, the host's then the plugin's, in order of registration. */
    public List<String> names() {
        return registry.tableNames();
    }

    /**
     * Every entry of table {@code name} as the host reads it through the table's vtables: one map of field name to
     * value (Long for integers, Boolean, String) per entry, in the table's order.
     */
    public List<Map<String, Object>> rows(String name) {
        return registry.rows(name);
    }
}
