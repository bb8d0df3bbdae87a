package dev.falcojava.sdk.logging;

import java.util.Arrays;

/**
 * The placeholders of plugin log lines, as in SLF4J: each {@code {}} takes the next argument, {@code \{}} is a
 * literal {@code {}}; {@code {0}}, {@code {1}}... take the argument of that index, for lines written for
 * {@code java.text.MessageFormat}. Values are written with {@code String.valueOf} (arrays with their elements), never
 * with a locale: 262144 stays {@code 262144}. A last argument that is a Throwable and has no placeholder is the
 * line's exception.
 */
public final class LogFormat {

    /** A formatted line and its exception, or {@code null}. */
    public record Line(String text, Throwable thrown) {
    }

    private LogFormat() {
    }

    public static Line format(String pattern, Object... arguments) {
        if (pattern == null) {
            return new Line("", null);
        }
        Object[] args = arguments == null ? new Object[0] : arguments;
        StringBuilder text = new StringBuilder(pattern.length() + 16 * args.length);
        int next = 0;
        int highestUsed = -1;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\' && pattern.startsWith("{}", i + 1)) {
                text.append("{}");
                i += 3;
            } else if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                if (next < args.length) {
                    highestUsed = Math.max(highestUsed, next);
                    append(text, args[next++]);
                } else {
                    text.append("{}");
                }
                i += 2;
            } else if (c == '{' && indexEnd(pattern, i) > 0) {
                int end = indexEnd(pattern, i);
                int index = Integer.parseInt(pattern, i + 1, end, 10);
                if (index < args.length) {
                    highestUsed = Math.max(highestUsed, index);
                    append(text, args[index]);
                } else {
                    text.append(pattern, i, end + 1);
                }
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        Throwable thrown = args.length > 0 && highestUsed < args.length - 1 && args[args.length - 1] instanceof Throwable t
                ? t : null;
        return new Line(text.toString(), thrown);
    }

    /** The position of the {@code }} closing an index placeholder at {@code open}, or -1. */
    private static int indexEnd(String pattern, int open) {
        int j = open + 1;
        while (j < pattern.length() && j - open <= 4 && Character.isDigit(pattern.charAt(j))) {
            j++;
        }
        return j > open + 1 && j < pattern.length() && pattern.charAt(j) == '}' ? j : -1;
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof Object[] array) {
            text.append(Arrays.deepToString(array));
        } else if (value != null && value.getClass().isArray()) {
            text.append(primitiveArray(value));
        } else {
            try {
                text.append(value);
            } catch (RuntimeException e) {
                text.append("[toString of ").append(value.getClass().getName()).append(" failed: ").append(e).append(']');
            }
        }
    }

    private static String primitiveArray(Object array) {
        return switch (array) {
            case int[] a -> Arrays.toString(a);
            case long[] a -> Arrays.toString(a);
            case byte[] a -> Arrays.toString(a);
            case short[] a -> Arrays.toString(a);
            case char[] a -> Arrays.toString(a);
            case boolean[] a -> Arrays.toString(a);
            case float[] a -> Arrays.toString(a);
            case double[] a -> Arrays.toString(a);
            default -> String.valueOf(array);
        };
    }
}
