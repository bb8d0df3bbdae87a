package dev.falcojava.maven;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineWriterTest {

    @Test
    void eachLineIsHandedOnWithoutItsBreakAndALastPartialLineOnClose() {
        List<String> lines = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(new LineWriter(lines::add))) {
            out.print("one\r\ntw");
            out.print("o\n\nthree");
            out.flush();
            assertEquals(List.of("one", "two", ""), lines);
        }
        assertEquals(List.of("one", "two", "", "three"), lines);
    }
}
