package dev.falcojava.cli.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** How the plugin library is linked into its host; chosen in plugin.yaml, overridable per build. */
public sealed interface Linkage {

    Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** {@code lib<name>.so}, loaded by Falco from {@code library_path}: exports the plugin_* functions. */
    record Shared() implements Linkage {
    }

    /**
     * {@code lib<name>.a} and {@code <name>.h}, linked into a host that registers the plugin with a
     * {@code plugin_api} struct: no plugin_* symbol is exported.
     *
     * @param apiSymbol the name of the struct, a C identifier
     */
    record Static(String apiSymbol) implements Linkage {
    }

    /** The default struct name: {@code my-plugin} -> {@code MY_PLUGIN_API}. */
    static String defaultApiSymbol(String pluginName) {
        return pluginName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API";
    }
}
