package dev.falcojava.sdk.abi;

/** {@code ss_plugin_rc} values. */
public final class ReturnCode {
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int TIMEOUT = -1;
    public static final int EOF = 2;
    public static final int NOT_SUPPORTED = 3;

    private ReturnCode() {
    }
}
