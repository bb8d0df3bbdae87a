package dev.falcojava.it.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The symbols {@code nm} lists as defined in a binary. */
final class Symbols {

    private Symbols() {
    }

    /** Defined symbols, with {@code nm} options such as {@code -D} (dynamic) or {@code -g} (global). */
    static List<String> defined(Path file, String scope) throws Exception {
        Process nm = new ProcessBuilder("nm", scope, "--defined-only", file.toString()).redirectErrorStream(true).start();
        String listing = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nm.waitFor(), listing);
        List<String> names = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 3) {
                names.add(columns[2]);
            }
        }
        return names;
    }
}
