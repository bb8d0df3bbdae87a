package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;

/** The checks of a key a plugin passes to a table of its own: the method matches the key type, the value fits it. */
final class KeyChecks {

    private KeyChecks() {
    }

    static void requireInteger(Table table) {
        if (!table.keyType().isInteger()) {
            throw new IllegalArgumentException("table " + table.name() + " has keys of type " + table.keyType().yamlName()
                    + ": use the String methods, not the long ones");
        }
    }

    static void requireString(Table table) {
        if (table.keyType() != StateType.STRING) {
            throw new IllegalArgumentException("table " + table.name() + " has keys of type " + table.keyType().yamlName()
                    + ": use the long methods, not the String ones");
        }
    }

    static void checkRange(Table table, long key) {
        boolean fits = switch (table.keyType()) {
            case INT8 -> key >= Byte.MIN_VALUE && key <= Byte.MAX_VALUE;
            case INT16 -> key >= Short.MIN_VALUE && key <= Short.MAX_VALUE;
            case INT32 -> key >= Integer.MIN_VALUE && key <= Integer.MAX_VALUE;
            case UINT8 -> key >= 0 && key <= 0xFF;
            case UINT16 -> key >= 0 && key <= 0xFFFF;
            case UINT32 -> key >= 0 && key <= 0xFFFFFFFFL;
            default -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException("key " + key + " does not fit table " + table.name() + " ("
                    + table.keyType().yamlName() + " keys)");
        }
    }
}
