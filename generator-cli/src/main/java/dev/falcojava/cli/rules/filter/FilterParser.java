package dev.falcojava.cli.rules.filter;

import dev.falcojava.cli.rules.filter.Expr.And;
import dev.falcojava.cli.rules.filter.Expr.Check;
import dev.falcojava.cli.rules.filter.Expr.FieldRef;
import dev.falcojava.cli.rules.filter.Expr.ListRef;
import dev.falcojava.cli.rules.filter.Expr.ListValue;
import dev.falcojava.cli.rules.filter.Expr.MacroRef;
import dev.falcojava.cli.rules.filter.Expr.Not;
import dev.falcojava.cli.rules.filter.Expr.Operand;
import dev.falcojava.cli.rules.filter.Expr.OperandValue;
import dev.falcojava.cli.rules.filter.Expr.Or;
import dev.falcojava.cli.rules.filter.Expr.Scalar;
import dev.falcojava.cli.rules.filter.Expr.Transformed;
import dev.falcojava.cli.rules.filter.Expr.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a condition with the grammar libsinsp documents for its filters: {@code or} over {@code and} over
 * {@code not}; a check is a field (with an optional {@code [arg]}) and an operator with its value, a bare identifier
 * (a macro), or a parenthesized expression; {@code <}, {@code <=}, {@code >}, {@code >=} take a number, the other
 * comparisons a quoted or bare string, {@code in}, {@code intersects} and {@code pmatch} a parenthesized list or a
 * list's name.
 */
public final class FilterParser {

    /** The field transformers libsinsp knows; {@code val} only on the right of an operator. */
    public static final Set<String> TRANSFORMERS = Set.of("tolower", "toupper", "b64", "basename", "len");

    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*(\\.[a-zA-Z]+[a-zA-Z0-9_]*)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
    private static final Pattern HEX_NUMBER = Pattern.compile("0[xX][0-9a-zA-Z]+");
    private static final Pattern NUMBER = Pattern.compile("[+\\-]?[0-9]+\\.?[0-9]*([eE][+\\-][0-9]+)?");
    private static final Pattern FIELD_ARG_BARE = Pattern.compile("[^ \\t\\n\\r\\[\\]\"']+");
    private static final Pattern BARE_STRING = Pattern.compile("[^ \\t\\n\\r(),=\"']+");
    private static final int MAX_DEPTH = 100;

    private final String input;
    private int pos;
    private int depth;

    private FilterParser(String input) {
        this.input = input;
    }

    /** The condition's syntax tree. */
    public static Expr parse(String condition) throws FilterSyntaxException {
        FilterParser parser = new FilterParser(condition);
        parser.blanks();
        if (parser.atEnd()) {
            throw new FilterSyntaxException(0, "the condition is empty");
        }
        Expr expr = parser.or();
        parser.blanks();
        if (!parser.atEnd()) {
            throw new FilterSyntaxException(parser.pos, "unexpected '" + parser.preview()
                    + "': expected 'and', 'or' or the end of the condition");
        }
        return expr;
    }

    /** A field written in an output ({@code %field[arg]}) or an exception ({@code fields: [...]}). */
    public static Operand parseOperand(String text) throws FilterSyntaxException {
        FilterParser parser = new FilterParser(text);
        Operand operand = parser.operandOrFail();
        if (!parser.atEnd()) {
            throw new FilterSyntaxException(parser.pos, "unexpected '" + parser.preview() + "' after the field");
        }
        return operand;
    }

    private Expr or() throws FilterSyntaxException {
        int start = pos;
        List<Expr> operands = new ArrayList<>(List.of(and()));
        while (keyword("or")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Or(operands, start);
    }

    private Expr and() throws FilterSyntaxException {
        int start = pos;
        List<Expr> operands = new ArrayList<>(List.of(not()));
        while (keyword("and")) {
            operands.add(not());
        }
        return operands.size() == 1 ? operands.getFirst() : new And(operands, start);
    }

    private Expr not() throws FilterSyntaxException {
        blanks();
        int start = pos;
        if (keyword("not")) {
            return new Not(not(), start);
        }
        return check();
    }

    /** A keyword, after blanks, followed by a blank or '(' (or the end): consumed when present. */
    private boolean keyword(String word) {
        int saved = pos;
        blanks();
        if (input.startsWith(word, pos)) {
            int after = pos + word.length();
            if (after == input.length() || Character.isWhitespace(input.charAt(after)) || input.charAt(after) == '(') {
                pos = after;
                return true;
            }
        }
        pos = saved;
        return false;
    }

    private Expr check() throws FilterSyntaxException {
        blanks();
        int start = pos;
        if (atEnd()) {
            throw new FilterSyntaxException(pos, "the condition ends where a check was expected");
        }
        if (peek() == '(') {
            if (++depth > MAX_DEPTH) {
                throw new FilterSyntaxException(pos, "too deeply nested parentheses");
            }
            pos++;
            Expr inner = or();
            blanks();
            expect(')', "a ')' to close the '(' at offset " + start);
            depth--;
            return inner;
        }
        Optional<Operand> operand = operand();
        if (operand.isPresent()) {
            return condition(operand.get(), start);
        }
        String identifier = match(IDENTIFIER);
        if (identifier != null) {
            int afterName = pos;
            blanks();
            if (!atEnd() && startsOperator()) {
                throw new FilterSyntaxException(start, "'" + identifier + "' is not a field", identifier);
            }
            if (!atEnd() && peek() == '(') {
                throw new FilterSyntaxException(start, "'" + identifier + "(' is not a field transformer (known: "
                        + String.join(", ", TRANSFORMERS.stream().sorted().toList()) + ")");
            }
            pos = afterName;
            return new MacroRef(identifier, start);
        }
        throw new FilterSyntaxException(pos, "unexpected '" + preview() + "': expected a field (such as proc.name), "
                + "a macro name, 'not' or '('");
    }

    /** A field or a transformer applied to one, when one starts here. */
    private Optional<Operand> operand() throws FilterSyntaxException {
        int start = pos;
        Matcher transformer = IDENTIFIER.matcher(input).region(pos, input.length());
        if (transformer.lookingAt() && TRANSFORMERS.contains(transformer.group())
                && transformer.end() < input.length() && input.charAt(transformer.end()) == '(') {
            pos = transformer.end() + 1;
            blanks();
            Operand inner = operandOrFail();
            blanks();
            expect(')', "a ')' to close " + transformer.group() + "(");
            return Optional.of(new Transformed(transformer.group(), inner, start));
        }
        String name = match(FIELD_NAME);
        if (name == null) {
            return Optional.empty();
        }
        if (!atEnd() && peek() == '[') {
            pos++;
            int argStart = pos;
            String arg = quoted();
            if (arg == null) {
                arg = match(FIELD_ARG_BARE);
            }
            if (arg == null) {
                throw new FilterSyntaxException(pos, "the argument of " + name + " is empty: write " + name
                        + "[value] or leave out the brackets");
            }
            expect(']', "a ']' to close the argument of " + name);
            return Optional.of(new FieldRef(name, Optional.of(arg), start, argStart));
        }
        return Optional.of(new FieldRef(name, Optional.empty(), start, -1));
    }

    private Operand operandOrFail() throws FilterSyntaxException {
        Optional<Operand> operand = operand();
        if (operand.isEmpty()) {
            throw new FilterSyntaxException(pos, "expected a field (a name with a dot, such as proc.name), found '"
                    + preview() + "'");
        }
        return operand.get();
    }

    private Check condition(Operand left, int start) throws FilterSyntaxException {
        blanks();
        int operatorOffset = pos;
        Operator operator = operator().orElseThrow(() -> new FilterSyntaxException(pos, atEnd()
                ? "the condition ends after a field: add an operator, such as exists or = value"
                : "unexpected '" + preview() + "' after a field: expected an operator (=, !=, <, <=, >, >=, "
                + "contains, icontains, bcontains, startswith, bstartswith, endswith, glob, iglob, regex, in, "
                + "intersects, pmatch, exists)"));
        if (operator == Operator.EXISTS) {
            return new Check(left, operator, operatorOffset, Optional.empty(), start);
        }
        blanks();
        Optional<Value> transformerValue = operandValue();
        if (transformerValue.isPresent()) {
            return new Check(left, operator, operatorOffset, transformerValue, start);
        }
        Value value = switch (operator.takes()) {
            case NUMBER -> number(operator);
            case LIST -> list(operator);
            default -> scalar(operator);
        };
        return new Check(left, operator, operatorOffset, Optional.of(value), start);
    }

    private Optional<Value> operandValue() throws FilterSyntaxException {
        int start = pos;
        if (input.startsWith("val(", pos)) {
            pos += 4;
            blanks();
            Operand inner = operandOrFail();
            blanks();
            expect(')', "a ')' to close val(");
            return Optional.of(new OperandValue(inner, start));
        }
        Matcher transformer = IDENTIFIER.matcher(input).region(pos, input.length());
        if (transformer.lookingAt() && TRANSFORMERS.contains(transformer.group())
                && transformer.end() < input.length() && input.charAt(transformer.end()) == '(') {
            return Optional.of(new OperandValue(operand().orElseThrow(), start));
        }
        return Optional.empty();
    }

    private Value number(Operator operator) throws FilterSyntaxException {
        int start = pos;
        String number = match(HEX_NUMBER);
        if (number == null) {
            number = match(NUMBER);
        }
        if (number == null || !atEnd() && !endsToken(peek())) {
            pos = start;
            throw new FilterSyntaxException(start, "'" + operator.text() + "' takes a number, not '" + preview() + "'");
        }
        return new Scalar(number, false, start);
    }

    private static boolean endsToken(char c) {
        return Character.isWhitespace(c) || c == ')' || c == '(';
    }

    private Scalar scalar(Operator operator) throws FilterSyntaxException {
        int start = pos;
        String quoted = quoted();
        if (quoted != null) {
            return new Scalar(quoted, true, start);
        }
        String bare = match(BARE_STRING);
        if (bare == null) {
            throw new FilterSyntaxException(pos, atEnd() ? "'" + operator.text() + "' needs a value after it"
                    : "unexpected '" + preview() + "' after '" + operator.text() + "': expected a value (quote it if "
                    + "it has spaces, commas, parentheses or '=')");
        }
        return new Scalar(bare, false, start);
    }

    private Value list(Operator operator) throws FilterSyntaxException {
        int start = pos;
        if (atEnd()) {
            throw new FilterSyntaxException(pos, "'" + operator.text() + "' needs a list after it, as in (a, b) or a "
                    + "list's name");
        }
        if (peek() != '(') {
            String name = match(IDENTIFIER);
            if (name == null) {
                throw new FilterSyntaxException(pos, "'" + operator.text() + "' takes a list, (a, b) or a list's "
                        + "name, not '" + preview() + "'");
            }
            return new ListRef(name, start);
        }
        pos++;
        List<Scalar> items = new ArrayList<>();
        blanks();
        if (!atEnd() && peek() == ')') {
            pos++;
            return new ListValue(items, start);
        }
        while (true) {
            blanks();
            items.add(scalar(operator));
            blanks();
            if (atEnd()) {
                throw new FilterSyntaxException(pos, "the list that starts at offset " + start + " is not closed: add ')'");
            }
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(')', "',' or ')' in the list");
            return new ListValue(items, start);
        }
    }

    /** A quoted string at the cursor, unescaped; null when none starts here. */
    private String quoted() throws FilterSyntaxException {
        if (atEnd() || peek() != '"' && peek() != '\'') {
            return null;
        }
        char quote = peek();
        int start = pos;
        StringBuilder value = new StringBuilder();
        for (int i = pos + 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\\' && i + 1 < input.length() && (input.charAt(i + 1) == quote || input.charAt(i + 1) == '\\')) {
                value.append(input.charAt(++i));
            } else if (c == quote) {
                pos = i + 1;
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw new FilterSyntaxException(start, "the string that starts here is not closed: add " + quote);
    }

    private Optional<Operator> operator() {
        if (atEnd()) {
            return Optional.empty();
        }
        for (String symbol : List.of("<=", ">=", "==", "!=", "<", ">", "=")) {
            if (input.startsWith(symbol, pos)) {
                pos += symbol.length();
                return Operator.fromText(symbol);
            }
        }
        Matcher word = IDENTIFIER.matcher(input).region(pos, input.length());
        if (word.lookingAt()) {
            Optional<Operator> operator = Operator.fromText(word.group()).filter(Operator::word);
            if (operator.isPresent()) {
                pos = word.end();
            }
            return operator;
        }
        return Optional.empty();
    }

    private boolean startsOperator() {
        int saved = pos;
        boolean found = operator().isPresent();
        pos = saved;
        return found;
    }

    private String match(Pattern pattern) {
        Matcher matcher = pattern.matcher(input).region(pos, input.length());
        if (!matcher.lookingAt()) {
            return null;
        }
        pos = matcher.end();
        return matcher.group();
    }

    private void expect(char c, String what) throws FilterSyntaxException {
        if (atEnd() || peek() != c) {
            throw new FilterSyntaxException(pos, "expected " + what + ", found " + (atEnd() ? "the end" : "'"
                    + preview() + "'"));
        }
        pos++;
    }

    private void blanks() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private String preview() {
        int end = pos;
        while (end < input.length() && end - pos < 20 && !Character.isWhitespace(input.charAt(end))) {
            end++;
        }
        return end == pos && pos < input.length() ? input.substring(pos, pos + 1) : input.substring(pos, end);
    }
}
