package dev.falcojava.cli.editing;

/** An edit of a user's file that cannot be made safely; nothing was written. */
public final class EditException extends Exception {

    public EditException(String message) {
        super(message);
    }
}
