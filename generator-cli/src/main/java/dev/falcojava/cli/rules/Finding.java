package dev.falcojava.cli.rules;

/**
 * One thing found in a rules file.
 *
 * @param severity whether Falco refuses it, warns, or this check could not tell
 * @param position where it is
 * @param message  what it is and how to fix it
 */
public record Finding(Severity severity, Position position, String message) {

    @Override
    public String toString() {
        return position + ": " + severity.label() + ": " + message;
    }
}
