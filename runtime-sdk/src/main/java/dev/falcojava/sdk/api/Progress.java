package dev.falcojava.sdk.api;

/**
 * How far an open stream has been read, for {@code plugin_get_progress}.
 *
 * @param basisPoints from 0 (nothing read) to 10000 (all read)
 * @param text        a description such as {@code "42.00%"}, or {@code null} to let the host format the number
 */
public record Progress(int basisPoints, String text) {

    public Progress {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("progress must be from 0 to 10000 basis points, not " + basisPoints);
        }
    }

    /** Progress from a fraction between 0 and 1. */
    public static Progress of(double fraction) {
        return new Progress((int) Math.round(Math.clamp(fraction, 0.0, 1.0) * 10_000), null);
    }
}
