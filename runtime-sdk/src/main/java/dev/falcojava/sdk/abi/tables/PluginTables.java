package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableException;
import dev.falcojava.sdk.api.tables.TableInfo;
import dev.falcojava.sdk.api.tables.Tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@link Tables} a plugin gets at init: the registry of the init input ({@code ss_plugin_init_tables_input})
 * through the plugin state's {@link TableCall}, where the plugin finds the host's tables and adds its own.
 */
public final class PluginTables implements Tables {

    private final TableCall call;
    private final boolean available;
    private final Consumer<String> errors;
    private final Consumer<OwnedTable> added;
    private final Map<String, Table> tables = new HashMap<>();

    /**
     * The registry of {@code call}'s init input, {@code available} when the host gave one; a table the plugin adds
     * reports its failed calls to {@code errors} and is handed to {@code added}, which keeps it while the host may
     * call it.
     */
    public PluginTables(TableCall call, boolean available, Consumer<String> errors, Consumer<OwnedTable> added) {
        this.call = call;
        this.available = available;
        this.errors = errors;
        this.added = added;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public List<TableInfo> list() {
        requireAvailable();
        return call.init().listTables();
    }

    @Override
    public Table table(String name, StateType keyType) {
        return find(name, keyType).orElseThrow(() -> {
            List<TableInfo> known = call.init().listTables();
            for (TableInfo info : known) {
                if (info.name().equals(name)) {
                    return new TableException("table " + name + " has keys of type "
                            + (info.keyType() == null ? "unknown" : info.keyType().yamlName()) + ", not " + keyType.yamlName());
                }
            }
            return new TableException("the host has no table " + name + " (it has: "
                    + known.stream().map(TableInfo::name).collect(Collectors.joining(", ")) + ")");
        });
    }

    @Override
    public Optional<Table> find(String name, StateType keyType) {
        requireAvailable();
        Objects.requireNonNull(name, "table name");
        Objects.requireNonNull(keyType, "key type");
        Table known = tables.get(name);
        if (known != null && known.keyType() == keyType) {
            return Optional.of(known);
        }
        long address = call.init().getTable(name, keyType);
        if (address == 0) {
            return Optional.empty();
        }
        Table table = new HostTable(call, address, name, keyType);
        tables.put(name, table);
        return Optional.of(table);
    }

    @Override
    public Table addTable(String name, StateType keyType) {
        requireAvailable();
        Objects.requireNonNull(name, "table name");
        Objects.requireNonNull(keyType, "key type");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a table name must be non-empty text without NUL: '" + name + "'");
        }
        if (!keyType.isInteger() && keyType != StateType.STRING) {
            throw new IllegalArgumentException("table " + name + ": keys of type " + keyType.yamlName()
                    + " are not supported; use an integer type or string");
        }
        OwnedTable table = new OwnedTable(name, keyType, errors);
        if (!call.init().addTable(table.exported())) {
            throw new TableException("the host refused to add table " + name + ": " + call.ownerError());
        }
        added.accept(table);
        tables.put(name, table);
        return table;
    }

    private void requireAvailable() {
        if (!available) {
            throw new IllegalStateException("the host gave this plugin no tables: it does so only for plugins with"
                    + " event parsing or field extraction");
        }
    }
}
