package dev.falcojava.sdk.events;

/**
 * A syscall's return value ({@code PT_ERRNO}): the result on success, {@code -errno} on failure. A reusable object
 * of its view, reset by each read.
 */
public final class Errno {

    private long value;

    void set(long value) {
        this.value = value;
    }

    /** The raw return value. */
    public long value() {
        return value;
    }

    /** Whether the syscall failed (a negative return value). */
    public boolean failed() {
        return value < 0;
    }

    /** The error number of a failed call ({@code 2} for ENOENT), {@code 0} for a successful one. */
    public int errno() {
        return value < 0 ? (int) -value : 0;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
