package dev.falcojava.cli.packaging;

/** Packaging could not go on, with what the user needs to fix. */
public final class PackageException extends Exception {

    public PackageException(String message) {
        super(message);
    }
}
