package dev.falcojava.sdk.api.tables;

/** A table operation the table's owner refused; the message names the operation, the table and the owner's reason. */
public class TableException extends RuntimeException {

    public TableException(String message) {
        super(message);
    }
}
