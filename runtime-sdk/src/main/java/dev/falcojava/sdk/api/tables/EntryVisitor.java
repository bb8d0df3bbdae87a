package dev.falcojava.sdk.api.tables;

/** Receives the entries of {@link Table#forEach}. */
@FunctionalInterface
public interface EntryVisitor {

    /**
     * Visits one entry, valid only during this call.
     *
     * @return {@code true} to go on with the next entry, {@code false} to stop
     */
    boolean visit(Entry entry);
}
