package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.TableField;

import java.util.function.Consumer;

/**
 * What the test harness ({@code falco-plugin-sdk-testing}) needs of the SDK's internals beyond {@link Bootstrap},
 * {@link BridgeSlot} and {@link Layouts}: tables held in Java and exported with vtables, which the harness uses as
 * the host's tables. Internal to the SDK and its harness; not for plugin code, and it may change in any release.
 */
public final class HarnessSupport {

    private HarnessSupport() {
    }

    /** A table held in Java, as a plugin's own table is; {@code errors} receives the reason of each failed call. */
    public static Table javaTable(String name, StateType keyType, Consumer<String> errors) {
        return new OwnedTable(name, keyType, errors);
    }

    /** The address of the {@code ss_plugin_table_input} of a {@link #javaTable}: its vtables, valid while it lives. */
    public static long exported(Table javaTable) {
        return owned(javaTable).exported();
    }

    /** Adds a field to a {@link #javaTable} that plugins can read but not write. */
    public static <F extends TableField> F addReadOnlyField(Table javaTable, String fieldName, FieldKind<F> kind) {
        return owned(javaTable).addReadOnlyField(fieldName, kind);
    }

    private static OwnedTable owned(Table table) {
        if (table instanceof OwnedTable owned) {
            return owned;
        }
        throw new IllegalArgumentException("not a table of HarnessSupport.javaTable: " + table);
    }
}
