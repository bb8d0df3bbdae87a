package dev.falcojava.sdk.api.tables;

import java.util.Locale;

/** The types of table keys and fields ({@code ss_plugin_state_type}). */
public enum StateType {
    INT8(1),
    INT16(2),
    INT32(3),
    INT64(4),
    UINT8(5),
    UINT16(6),
    UINT32(7),
    UINT64(8),
    STRING(9),
    /** A field holding a table per entry (a sub-table); see {@link SubtableField}. */
    TABLE(10),
    BOOL(25);

    private final int code;

    StateType(int code) {
        this.code = code;
    }

    /** The code the plugin API uses. */
    public int code() {
        return code;
    }

    /** The name used in plugin.yaml and in messages: {@code int64}, {@code string}, ... */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether keys or values of this type are integers (signed or unsigned, any width). */
    public boolean isInteger() {
        return code >= INT8.code && code <= UINT64.code;
    }

    /** The type of {@code code}, or {@code null} when the code is unknown. */
    public static StateType ofCode(int code) {
        for (StateType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
