package dev.falcojava.cli.installation;

/** The artifacts of an installation could not be put into the local Maven repository; the message says why. */
public final class InstallException extends Exception {

    public InstallException(String message) {
        super(message);
    }
}
