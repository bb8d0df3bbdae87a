package dev.falcojava.sdk.api;

/** The value types of plugin fields, with the plugin API type codes and JSON names. */
public enum FieldType {
    UINT64(8, "uint64"),
    STRING(9, "string"),
    RELTIME(20, "reltime"),
    ABSTIME(21, "abstime"),
    BOOL(25, "bool"),
    IPADDR(40, "ipaddr"),
    IPNET(41, "ipnet");

    private final int code;
    private final String jsonName;

    FieldType(int code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The {@code ss_plugin_field_type} code. */
    public int code() {
        return code;
    }

    /** The name used in the fields JSON and in plugin.yaml. */
    public String jsonName() {
        return jsonName;
    }
}
