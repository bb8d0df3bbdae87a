package dev.falcojava.cli.building;

/** A build step that failed, with what the user needs to see to fix it. */
public final class BuildException extends Exception {

    public BuildException(String message) {
        super(message);
    }
}
