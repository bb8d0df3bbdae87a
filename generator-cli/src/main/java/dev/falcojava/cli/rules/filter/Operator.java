package dev.falcojava.cli.rules.filter;

import java.util.Arrays;
import java.util.Optional;

/** The comparison operators of Falco's filter language. */
public enum Operator {
    EXISTS("exists", Takes.NOTHING),
    EQ("=", Takes.STRING),
    EQEQ("==", Takes.STRING),
    NE("!=", Takes.STRING),
    LT("<", Takes.NUMBER),
    LE("<=", Takes.NUMBER),
    GT(">", Takes.NUMBER),
    GE(">=", Takes.NUMBER),
    CONTAINS("contains", Takes.STRING),
    ICONTAINS("icontains", Takes.STRING),
    BCONTAINS("bcontains", Takes.STRING),
    STARTSWITH("startswith", Takes.STRING),
    BSTARTSWITH("bstartswith", Takes.STRING),
    ENDSWITH("endswith", Takes.STRING),
    GLOB("glob", Takes.STRING),
    IGLOB("iglob", Takes.STRING),
    REGEX("regex", Takes.STRING),
    IN("in", Takes.LIST),
    INTERSECTS("intersects", Takes.LIST),
    PMATCH("pmatch", Takes.LIST);

    /** What an operator compares its field with. */
    public enum Takes {
        NOTHING, NUMBER, STRING, LIST
    }

    private final String text;
    private final Takes takes;

    Operator(String text, Takes takes) {
        this.text = text;
        this.takes = takes;
    }

    public String text() {
        return text;
    }

    public Takes takes() {
        return takes;
    }

    /** Whether it is a word ({@code contains}) rather than a symbol ({@code <=}). */
    public boolean word() {
        return Character.isLetter(text.charAt(0));
    }

    public static Optional<Operator> fromText(String text) {
        return Arrays.stream(values()).filter(op -> op.text.equals(text)).findFirst();
    }
}
