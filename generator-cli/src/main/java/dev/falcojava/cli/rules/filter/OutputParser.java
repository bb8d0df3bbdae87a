package dev.falcojava.cli.rules.filter;

import dev.falcojava.cli.rules.filter.Expr.Operand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fields of a rule output: {@code %field}, {@code %field[arg]} and {@code %transformer(field)}; a
 * {@code %} not followed by a letter is text.
 */
public final class OutputParser {

    /** A {@code %...} of an output: the field it names, or why it names none. */
    public sealed interface Token {
        int offset();
    }

    public record FieldToken(Operand operand, int offset) implements Token {
    }

    /** {@code %name} without a dot: not a field (perhaps a list or macro name). */
    public record NameToken(String name, int offset) implements Token {
    }

    public record BadToken(String message, int offset) implements Token {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*(\\.[a-zA-Z0-9_]+)*");

    private OutputParser() {
    }

    public static List<Token> parse(String output) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while ((i = output.indexOf('%', i)) >= 0) {
            int start = i + 1;
            Matcher name = NAME.matcher(output).region(start, output.length());
            if (!name.lookingAt()) {
                i = start;
                continue;
            }
            int end = name.end();
            if (FilterParser.TRANSFORMERS.contains(name.group()) && end < output.length() && output.charAt(end) == '(') {
                int close = output.indexOf(')', end);
                end = close < 0 ? output.length() : close + 1;
            } else if (end < output.length() && output.charAt(end) == '[') {
                int close = output.indexOf(']', end);
                end = close < 0 ? output.length() : close + 1;
            } else if (!name.group().contains(".")) {
                tokens.add(new NameToken(name.group(), start));
                i = end;
                continue;
            }
            try {
                tokens.add(new FieldToken(shift(FilterParser.parseOperand(output.substring(start, end)), start), start));
            } catch (FilterSyntaxException e) {
                tokens.add(new BadToken(e.getMessage(), start + e.offset()));
            }
            i = end;
        }
        return tokens;
    }

    private static Operand shift(Operand operand, int by) {
        return switch (operand) {
            case Expr.FieldRef f -> new Expr.FieldRef(f.name(), f.arg(), f.offset() + by,
                    f.argOffset() < 0 ? -1 : f.argOffset() + by);
            case Expr.Transformed t -> new Expr.Transformed(t.transformer(), shift(t.operand(), by), t.offset() + by);
        };
    }
}
