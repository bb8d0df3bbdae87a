package dev.falcojava.codegen.events;

import java.util.Set;
import java.util.regex.Pattern;

/** Java names made from the event table's names, which are checked to be plain identifiers first. */
final class JavaNames {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "eventCode", "eventName", "event", "toString", "hashCode", "getClass", "notify", "notifyAll", "wait");

    private JavaNames() {
    }

    /** {@code name} itself, after checking it is a plain identifier. */
    static String checked(String name, String where) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not a plain identifier");
        }
        return name;
    }

    /** {@code io_uring_enter} as {@code IoUringEnter}. */
    static String type(String name, String where) {
        StringBuilder out = new StringBuilder();
        for (String part : checked(name, where).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code pgft_maj} as {@code pgftMaj}, {@code ID} as {@code id}: an accessor name that no Java word or view method takes. */
    static String member(String name, String where) {
        String checked = checked(name, where);
        String plain = checked.equals(checked.toUpperCase()) ? checked.toLowerCase() : checked;
        String type = type(plain, where);
        String member = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        if (RESERVED.contains(member)) {
            throw new IllegalArgumentException(where + ": '" + name + "' makes the accessor " + member
                    + ", which Java or the view already uses");
        }
        return member;
    }
}
