package dev.falcojava.sdk.testing;

/** A plugin API call that returned a failure code; the message is the plugin's last error. */
public final class PluginCallException extends RuntimeException {

    private final String function;
    private final int returnCode;

    PluginCallException(String function, int returnCode, String lastError) {
        super(function + " returned " + returnCode + ": " + lastError);
        this.function = function;
        this.returnCode = returnCode;
    }

    /** The plugin API function that failed, for example {@code plugin_extract_fields}. */
    public String function() {
        return function;
    }

    /** The {@code ss_plugin_rc} it returned. */
    public int returnCode() {
        return returnCode;
    }
}
