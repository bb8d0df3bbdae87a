package dev.falcojava.sdk.abi.tables;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.api.tables.StateType;

/** Reads an {@code ss_plugin_state_data} the host passes to a plugin's own table: a key, or a value to store. */
final class StateData {

    private StateData() {
    }

    /** The integer key of type {@code keyType} at {@code address}, as the table's long keys hold it. */
    static long integerKey(StateType keyType, long address) {
        return switch (keyType) {
            case INT8 -> NativeMemory.u8(address);
            case INT16 -> (short) NativeMemory.u16(address);
            case INT32 -> NativeMemory.u32(address);
            case UINT8 -> NativeMemory.u8(address) & 0xFF;
            case UINT16 -> NativeMemory.u16(address);
            case UINT32 -> Integer.toUnsignedLong(NativeMemory.u32(address));
            default -> NativeMemory.u64(address);
        };
    }

    /** The non-string value of type {@code type} at {@code address}, as an entry's number column holds it. */
    static long number(StateType type, long address) {
        return switch (type) {
            case INT8 -> NativeMemory.u8(address);
            case INT16 -> (short) NativeMemory.u16(address);
            case UINT8 -> NativeMemory.u8(address) & 0xFF;
            case UINT16 -> NativeMemory.u16(address);
            case INT32, UINT32 -> NativeMemory.u32(address);
            case BOOL -> NativeMemory.u32(address) != 0 ? 1 : 0;
            default -> NativeMemory.u64(address);
        };
    }
}
