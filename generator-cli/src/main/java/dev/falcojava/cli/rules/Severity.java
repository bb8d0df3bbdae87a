package dev.falcojava.cli.rules;

/** How much a finding matters. */
public enum Severity {
    /** Falco refuses the rules file. */
    ERROR("error"),
    /** Falco loads it with a warning. */
    WARNING("warning"),
    /** Something this check cannot know, such as a field of another plugin. */
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
