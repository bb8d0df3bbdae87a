package dev.falcojava.sdk.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LogFormatTest {

    @Test
    void bracesTakeTheNextArgumentWithoutALocale() {
        assertEquals("262144 of 1.5", LogFormat.format("{} of {}", 262144, 1.5).text());
    }

    @Test
    void indexesTakeTheirArgumentForMessageFormatLines() {
        assertEquals("b a b", LogFormat.format("{1} {0} {1}", "a", "b").text());
    }

    @Test
    void missingArgumentsLeaveThePlaceholderAndEscapesStayLiteral() {
        assertEquals("x {} {3} \\ {}", LogFormat.format("{} {} {3} \\ \\{}", "x").text());
    }

    @Test
    void arraysShowTheirElementsAndNullIsNull() {
        assertEquals("[1, 2] [a, [b]] null", LogFormat.format("{} {} {}", new int[] {1, 2},
                new Object[] {"a", new String[] {"b"}}, null).text());
    }

    @Test
    void aTrailingThrowableWithoutPlaceholderIsTheLinesException() {
        IllegalStateException failure = new IllegalStateException("x");
        LogFormat.Line line = LogFormat.format("failed {}", "here", failure);
        assertEquals("failed here", line.text());
        assertSame(failure, line.thrown());
        assertNull(LogFormat.format("failed {}", failure).thrown());
    }

    @Test
    void aFailingToStringIsNamedNotThrown() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertEquals("v [toString of " + bad.getClass().getName() + " failed: java.lang.IllegalStateException: no]",
                LogFormat.format("v {}", bad).text());
    }
}
