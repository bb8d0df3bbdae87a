package dev.falcojava.cli.model;

import java.util.List;

/**
 * A Falco plugin API version, and the rule that picks the lowest one a plugin needs.
 *
 * @param major major version (3 for every plugin this generator produces)
 * @param minor minor version
 * @param patch patch version
 */
public record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {

    static final ApiVersion BASELINE = new ApiVersion(3, 0, 0);

    /** The lowest version that has every capability in {@code capabilities}. */
    static ApiVersion required(List<Capability> capabilities) {
        ApiVersion required = BASELINE;
        for (Capability capability : capabilities) {
            ApiVersion needed = switch (capability) {
                case Capability.Source source -> BASELINE;
                case Capability.Extract extract -> BASELINE;
            };
            required = needed.compareTo(required) > 0 ? needed : required;
        }
        return required;
    }

    @Override
    public int compareTo(ApiVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
