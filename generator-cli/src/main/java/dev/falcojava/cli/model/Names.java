package dev.falcojava.cli.model;

import javax.lang.model.SourceVersion;
import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules of descriptors and the names derived from them. */
public final class Names {

    public static final Pattern PLUGIN_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    public static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
    public static final Pattern EVENT_SOURCE = Pattern.compile("[A-Za-z0-9_.-]+");
    public static final Pattern CONFIG_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    public static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*(\\.[a-zA-Z0-9_]+)+");
    /** The part before the first dot that every field of a plugin shares, as {@code ka} in {@code ka.verb}. */
    public static final Pattern FIELD_PREFIX = Pattern.compile("[a-z][a-z0-9_]*");

    private Names() {
    }

    /** {@code my-plugin} -> {@code MyPlugin}. */
    public static String upperCamel(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }

    /** {@code max-events} -> {@code maxEvents}. */
    public static String lowerCamel(String text) {
        String upper = upperCamel(text);
        return upper.isEmpty() ? upper : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }

    /** The default user class name for a plugin name: {@code my-plugin} -> {@code MyPluginPlugin}, {@code demo} -> {@code DemoPlugin}. */
    public static String defaultClassName(String pluginName) {
        return upperCamel(pluginName) + "Plugin";
    }

    /** The default package for a plugin name: {@code my-plugin} -> {@code com.example.myplugin}. */
    public static String defaultPackage(String pluginName) {
        return "com.example." + pluginName.replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** The default event source for a plugin name: {@code my-plugin} -> {@code my_plugin}. */
    public static String defaultEventSource(String pluginName) {
        return pluginName.replace('-', '_');
    }

    /** The default field prefix for a plugin name: {@code my-plugin} -> {@code my_plugin}. */
    public static String defaultFieldPrefix(String pluginName) {
        return pluginName.replace('-', '_');
    }

    /** The record generated from the config section: {@code my-plugin} -> {@code MyPluginConfig}. */
    public static String configClassName(String pluginName) {
        return upperCamel(pluginName) + "Config";
    }

    /** The Java enum constant of a config enum value: {@code us-east-1} -> {@code US_EAST_1}, {@code 1x} -> {@code _1X}. */
    public static String constant(String value) {
        String constant = value.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
        return !constant.isEmpty() && Character.isDigit(constant.charAt(0)) ? "_" + constant : constant;
    }

    public static boolean isJavaIdentifier(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && name.chars().allMatch(c -> c < 128);
    }

    public static boolean isJavaPackage(String name) {
        for (String part : name.split("\\.", -1)) {
            if (!isJavaIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    /** The typed extract method of a field: {@code demo.event_name} with prefix {@code demo.} -> {@code extractEventName}. */
    public static String extractMethod(String fieldName, String sharedPrefix) {
        return "extract" + upperCamel(fieldName.substring(sharedPrefix.length()));
    }
}
