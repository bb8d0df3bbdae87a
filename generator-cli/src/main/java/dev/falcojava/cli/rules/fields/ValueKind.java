package dev.falcojava.cli.rules.fields;

import dev.falcojava.cli.rules.filter.Operator;

import java.util.EnumSet;
import java.util.Set;

import static dev.falcojava.cli.rules.filter.Operator.*;

/**
 * The kinds of field value libsinsp compares, each with the operators it supports (libsinsp's
 * {@code flt_is_comparable}); a list field supports only {@code in}, {@code intersects} and {@code exists}.
 */
public enum ValueKind {
    NUMBER("numeric", EnumSet.of(EQ, EQEQ, NE, LT, LE, GT, GE, IN, INTERSECTS, EXISTS)),
    BOOL("bool", EnumSet.of(EQ, EQEQ, NE, IN, INTERSECTS, EXISTS)),
    STRING("string", EnumSet.of(EQ, EQEQ, NE, LT, LE, GT, GE, CONTAINS, ICONTAINS, STARTSWITH, ENDSWITH, GLOB, IGLOB,
            REGEX, PMATCH, IN, INTERSECTS, EXISTS)),
    BUFFER("buffer", EnumSet.of(EQ, EQEQ, NE, CONTAINS, BCONTAINS, STARTSWITH, BSTARTSWITH, ENDSWITH, IN, INTERSECTS,
            EXISTS)),
    IPADDR("ip address", EnumSet.of(EQ, EQEQ, NE, IN, INTERSECTS, EXISTS)),
    IPNET("ip network", EnumSet.of(EQ, EQEQ, NE, IN, INTERSECTS, EXISTS)),
    /** A type decided per event (evt.rawarg): not checked. */
    DYNAMIC("dynamic", EnumSet.allOf(Operator.class));

    /** What a list field supports, whatever its element type. */
    public static final Set<Operator> LIST_OPERATORS = EnumSet.of(IN, INTERSECTS, EXISTS);

    private final String label;
    private final Set<Operator> operators;

    ValueKind(String label, Set<Operator> operators) {
        this.label = label;
        this.operators = operators;
    }

    public String label() {
        return label;
    }

    public Set<Operator> operators() {
        return operators;
    }

    /** libsinsp's type names as {@code falco --list} prints them. */
    public static ValueKind ofFalcoType(String type) {
        return switch (type) {
            case "CHARBUF", "FSPATH", "FSRELPATH" -> STRING;
            case "BOOL" -> BOOL;
            case "BYTEBUF" -> BUFFER;
            case "IPADDR", "IPV4ADDR", "IPV6ADDR" -> IPADDR;
            case "IPNET", "IPV4NET", "IPV6NET" -> IPNET;
            case "DYNAMIC" -> DYNAMIC;
            default -> NUMBER;
        };
    }
}
