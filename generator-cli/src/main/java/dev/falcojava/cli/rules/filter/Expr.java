package dev.falcojava.cli.rules.filter;

import java.util.List;
import java.util.Optional;

/** A parsed Falco condition; offsets are into the condition's text. */
public sealed interface Expr {

    int offset();

    record And(List<Expr> operands, int offset) implements Expr {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Expr> operands, int offset) implements Expr {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expr operand, int offset) implements Expr {
    }

    /** A bare identifier: a macro, expanded where it appears. */
    record MacroRef(String name, int offset) implements Expr {
    }

    /** {@code field operator value}; the value is absent for {@code exists}. */
    record Check(Operand left, Operator operator, int operatorOffset, Optional<Value> value, int offset)
            implements Expr {
    }

    /** What a check compares: a field, or a transformer over one ({@code tolower(proc.name)}). */
    sealed interface Operand {
        int offset();
    }

    /**
     * A field, with its argument if it has one: {@code ka.req.binding.subjects[0]} or {@code jsonlog.value[user]}.
     *
     * @param argOffset where the argument starts, or -1
     */
    record FieldRef(String name, Optional<String> arg, int offset, int argOffset) implements Operand {
    }

    record Transformed(String transformer, Operand operand, int offset) implements Operand {
    }

    /** The right side of a check. */
    sealed interface Value {
        int offset();
    }

    /** A single value, quoted or bare. */
    record Scalar(String text, boolean quoted, int offset) implements Value {
    }

    /** {@code (a, b, c)}; an item naming a list is replaced by its items. */
    record ListValue(List<Scalar> items, int offset) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** {@code in NAME}: a list by name. */
    record ListRef(String name, int offset) implements Value {
    }

    /** Another field's value: {@code val(field)} or a transformer. */
    record OperandValue(Operand operand, int offset) implements Value {
    }
}
