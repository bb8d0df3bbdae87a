package dev.falcojava.cli.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Predicate;

/** Asks the user for a value on a terminal, with a default and a rule; asks again until the answer is valid. */
final class Prompter {

    private final BufferedReader in;
    private final PrintWriter out;

    Prompter(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /**
     * @param question what to ask
     * @param fallback the answer to an empty line, or {@code null} when an answer is required
     * @param valid    the rule an answer must follow
     * @param rule     the rule in words, shown after an invalid answer
     * @throws IOException when the input ends before a valid answer
     */
    String ask(String question, String fallback, Predicate<String> valid, String rule) throws IOException {
        while (true) {
            out.print(question + (fallback == null ? ": " : " [" + fallback + "]: "));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the input ended before " + question.toLowerCase(java.util.Locale.ROOT) + " was answered");
            }
            String answer = line.isBlank() && fallback != null ? fallback : line.strip();
            if (valid.test(answer)) {
                return answer;
            }
            out.println("  '" + answer + "' is not valid: " + rule);
        }
    }
}
