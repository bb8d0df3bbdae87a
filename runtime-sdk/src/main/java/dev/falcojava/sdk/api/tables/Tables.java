package dev.falcojava.sdk.api.tables;

import java.util.List;
import java.util.Optional;

/**
 * The host's table registry, given to {@link dev.falcojava.sdk.api.Plugin#init(String, Tables)}: the tables of the
 * host (such as {@code threads}, keyed by thread id) and of other plugins, and the place to add the plugin's own.
 * Use it during init only; keep the {@link Table}s and field handles it gives for the later calls.
 *
 * <p>The host gives tables only to plugins with event parsing or field extraction; for others,
 * {@link #available()} is {@code false} and every other method throws an {@link IllegalStateException}.
 */
public interface Tables {

    /** Whether the host gave this plugin access to its tables. */
    boolean available();

    /** Every table registered now. */
    List<TableInfo> list();

    /**
     * The table {@code name}, whose keys are of {@code keyType}.
     *
     * @throws TableException when there is no such table or its keys have another type
     */
    Table table(String name, StateType keyType);

    /** The table {@code name} with keys of {@code keyType}, if the host has it. */
    Optional<Table> find(String name, StateType keyType);

    /**
     * Creates a table owned by this plugin, held in Java memory, and registers it in the host, where other plugins
     * find it by name. Define its fields with {@link Table#addField} before init returns, so that plugins
     * initialized later find them; they may add fields of their own. A field of type table
     * ({@link FieldKind#table(StateType)}) gives every entry a sub-table, one level deep; the host reads such a field
     * (read-only) as the entry's sub-table.
     *
     * @param keyType an integer type or {@link StateType#STRING}
     * @throws TableException when the host refuses (a table of that name exists, ...)
     */
    Table addTable(String name, StateType keyType);
}
