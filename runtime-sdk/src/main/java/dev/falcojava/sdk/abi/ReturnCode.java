package dev.falcojava.sdk.abi;

/** {@code ss_plugin_rc} values. */
final class ReturnCode {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int TIMEOUT = -1;
    static final int EOF = 2;
    static final int NOT_SUPPORTED = 3;

    private ReturnCode() {
    }
}
