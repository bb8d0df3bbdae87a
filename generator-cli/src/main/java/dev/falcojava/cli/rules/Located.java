package dev.falcojava.cli.rules;

/** A single value of a rules file and where it is. */
public record Located(String value, Position position) {
}
