package dev.falcojava.cli.commands;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

class PrompterTest {

    private final StringWriter shown = new StringWriter();

    private Prompter answering(String lines) {
        return new Prompter(new BufferedReader(new StringReader(lines)), new PrintWriter(shown));
    }

    @Test
    void asksAgainUntilTheAnswerFollowsTheRuleAndTakesTheDefaultForAnEmptyLine() throws IOException {
        Prompter prompter = answering("Bad Name\nmy-plugin\n\n");
        assertEquals("my-plugin", prompter.ask("Plugin name", null, n -> n.matches("[a-z-]+"), "lowercase and '-'"));
        assertEquals("com.example", prompter.ask("Java package", "com.example", p -> true, "anything"));
        assertEquals("Plugin name: Plugin name: Java package [com.example]: ", shown.toString()
                .replace("  'Bad Name' is not valid: lowercase and '-'" + System.lineSeparator(), ""));
        assertThat(shown.toString()).contains("'Bad Name' is not valid: lowercase and '-'");
    }

    @Test
    void aRequiredAnswerIsNotReplacedByAnEmptyLineAndTheEndOfInputFails() {
        Prompter prompter = answering("\n");
        IOException ended = assertThrows(IOException.class, () -> prompter.ask("Plugin name", null, n -> !n.isEmpty(), "not empty"));
        assertEquals("the input ended before plugin name was answered", ended.getMessage());
    }
}
