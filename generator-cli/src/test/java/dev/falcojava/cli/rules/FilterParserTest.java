package dev.falcojava.cli.rules;

import dev.falcojava.cli.rules.filter.Expr;
import dev.falcojava.cli.rules.filter.Expr.And;
import dev.falcojava.cli.rules.filter.Expr.Check;
import dev.falcojava.cli.rules.filter.Expr.FieldRef;
import dev.falcojava.cli.rules.filter.Expr.ListRef;
import dev.falcojava.cli.rules.filter.Expr.ListValue;
import dev.falcojava.cli.rules.filter.Expr.MacroRef;
import dev.falcojava.cli.rules.filter.Expr.Not;
import dev.falcojava.cli.rules.filter.Expr.Or;
import dev.falcojava.cli.rules.filter.Expr.Scalar;
import dev.falcojava.cli.rules.filter.FilterParser;
import dev.falcojava.cli.rules.filter.FilterSyntaxException;
import dev.falcojava.cli.rules.filter.Operator;
import dev.falcojava.cli.rules.filter.OutputParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class FilterParserTest {

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() throws Exception {
        Expr expr = FilterParser.parse("a or not b and c");
        Or or = assertInstanceOf(Or.class, expr);
        assertEquals(new MacroRef("a", 0), or.operands().get(0));
        And and = assertInstanceOf(And.class, or.operands().get(1));
        Not not = assertInstanceOf(Not.class, and.operands().get(0));
        assertEquals(new MacroRef("b", 9), not.operand());
        assertEquals(new MacroRef("c", 15), and.operands().get(1));
    }

    @Test
    void parenthesesGroupAndNotTakesAParenthesisWithoutSpace() throws Exception {
        And and = assertInstanceOf(And.class, FilterParser.parse("(a or b) and not(c)"));
        assertInstanceOf(Or.class, and.operands().get(0));
        assertEquals(new MacroRef("c", 17), assertInstanceOf(Not.class, and.operands().get(1)).operand());
    }

    @Test
    void everyOperatorParsesWithItsValue() throws Exception {
        for (Operator op : Operator.values()) {
            String value = switch (op.takes()) {
                case NOTHING -> "";
                case NUMBER -> " 10";
                case STRING -> " abc";
                case LIST -> " (a, b)";
            };
            Check check = assertInstanceOf(Check.class, FilterParser.parse("ka.verb " + op.text() + value), op.text());
            assertEquals(op, check.operator());
            assertEquals(op == Operator.EXISTS, check.value().isEmpty(), op.text());
        }
    }

    @Test
    void fieldArgumentsQuotedStringsAndListsKeepTheirOffsets() throws Exception {
        Check check = assertInstanceOf(Check.class,
                FilterParser.parse("ka.uri.param[\"user name\"] in (alice, 'bob o\\'neil', admins)"));
        assertEquals(new FieldRef("ka.uri.param", Optional.of("user name"), 0, 13), check.left());
        ListValue list = assertInstanceOf(ListValue.class, check.value().orElseThrow());
        assertEquals(List.of(new Scalar("alice", false, 30), new Scalar("bob o'neil", true, 37),
                new Scalar("admins", false, 52)), list.items());
    }

    @Test
    void aListByNameAndSymbolsWithoutSpaces() throws Exception {
        And and = assertInstanceOf(And.class, FilterParser.parse("ka.verb in sensitive_verbs and ka.response.code>=400"));
        assertEquals(new ListRef("sensitive_verbs", 11), ((Check) and.operands().get(0)).value().orElseThrow());
        Check code = (Check) and.operands().get(1);
        assertEquals(Operator.GE, code.operator());
        assertEquals(new Scalar("400", false, 49), code.value().orElseThrow());
    }

    @Test
    void transformersAndValOfAnotherField() throws Exception {
        Check check = assertInstanceOf(Check.class, FilterParser.parse("tolower(ka.user.name) = val(ka.target.namespace)"));
        assertInstanceOf(Expr.Transformed.class, check.left());
        assertInstanceOf(Expr.OperandValue.class, check.value().orElseThrow());
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertError("ka.verb = ", 10, "'=' needs a value");
        assertError("ka.verb", 7, "the condition ends after a field");
        assertError("ka.response.code > abc", 19, "'>' takes a number, not 'abc'");
        assertError("ka.verb in (a, b", 16, "is not closed");
        assertError("(a and b", 8, "expected a ')'");
        assertError("a and", 5, "ends where a check was expected");
        assertError("ka.verb = x y", 12, "unexpected 'y'");
        assertError("ka.verb = \"open", 10, "not closed");
    }

    @Test
    void aNameWithoutADotBeforeAnOperatorIsAMisplacedName() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("ka.verb = get and admins contains bob"));
        assertEquals(Optional.of("admins"), e.misplacedName());
        assertEquals(18, e.offset());
    }

    private static void assertError(String condition, int offset, String message) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(condition), condition);
        assertEquals(offset, e.offset(), condition + ": " + e.getMessage());
        assertThat(e.getMessage()).as(() -> condition + ": " + e.getMessage()).contains(message);
    }

    @Test
    void outputFieldsWithArgumentsTransformersAndPlainPercentSigns() {
        List<OutputParser.Token> tokens = OutputParser.parse(
                "100% of %ka.user.name on %ka.uri.param[pod] (%tolower(ka.verb)) %admins.");
        assertEquals(4, tokens.size(), tokens.toString());
        assertEquals(new FieldRef("ka.user.name", Optional.empty(), 9, -1),
                ((OutputParser.FieldToken) tokens.get(0)).operand());
        assertEquals(new FieldRef("ka.uri.param", Optional.of("pod"), 26, 39),
                ((OutputParser.FieldToken) tokens.get(1)).operand());
        assertInstanceOf(Expr.Transformed.class, ((OutputParser.FieldToken) tokens.get(2)).operand());
        assertEquals(new OutputParser.NameToken("admins", 65), tokens.get(3));
    }
}
