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

    /**
     * The plugin_api struct of a statically linked plugin is read with the host's own layout, fixed up only for
     * the member 3.10 inserted (dump_state); members inserted before 3.10 (get_extract_event_types, the parse and
     * async groups) moved the later ones. So a static plugin is laid out as in 3.10 and later, and says so.
     */
    static final ApiVersion STATIC_LAYOUT = new ApiVersion(3, 10, 0);

    /**
     * The lowest version that has every capability in {@code capabilities}, with the inputs the glue reads
     * (all in 3.0.0 for sourcing and extraction), and the struct layout of static linkage.
     */
    static ApiVersion required(List<Capability> capabilities, Linkage linkage) {
        ApiVersion required = linkage instanceof Linkage.Static ? STATIC_LAYOUT : BASELINE;
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
