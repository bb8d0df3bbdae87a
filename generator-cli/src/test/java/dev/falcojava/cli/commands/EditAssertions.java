package dev.falcojava.cli.commands;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on files the CLI edits. */
final class EditAssertions {

    private EditAssertions() {
    }

    /** Every line of {@code original} is in {@code edited}, in the same order: the edit only added lines. */
    static void assertOnlyAdditions(List<String> original, List<String> edited) {
        int at = 0;
        for (String line : original) {
            while (at < edited.size() && !edited.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < edited.size(), "the line '" + line + "' is gone or moved:\n" + String.join("\n", edited));
            at++;
        }
    }
}
