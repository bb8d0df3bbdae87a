package dev.falcojava.cli.model;

/**
 * A Falco plugin API version, and the rule that picks the lowest one a plugin needs.
 *
 * @param major major version (3 for every plugin this generator produces)
 * @param minor minor version
 * @param patch patch version
 */
public record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {

    /**
     * Every plugin: the SDK sends log lines to the host's {@code log_fn}, which the init input has since 3.3.0. The
     * capabilities (sourcing, extraction with event types and sources, parsing, async events) and all field types
     * are in 3.0.0.
     */
    static final ApiVersion BASELINE = new ApiVersion(3, 3, 0);

    /** {@code plugin_set_config}. */
    static final ApiVersion SET_CONFIG = new ApiVersion(3, 4, 0);

    /** {@code plugin_get_metrics}. */
    static final ApiVersion METRICS = new ApiVersion(3, 5, 0);

    /** {@code plugin_capture_open} and {@code plugin_capture_close}. */
    static final ApiVersion CAPTURE_LISTEN = new ApiVersion(3, 7, 0);

    /** The {@code addOutput} key of a field. */
    static final ApiVersion ADD_OUTPUT = new ApiVersion(3, 8, 0);

    /** {@code plugin_dump_state}. */
    static final ApiVersion DUMP_STATE = new ApiVersion(3, 10, 0);

    /**
     * The plugin_api struct of a statically linked plugin is read with the host's own layout, fixed up only for
     * the member 3.10 inserted (dump_state); members inserted before 3.10 (get_extract_event_types, the parse and
     * async groups) moved the later ones. So a static plugin is laid out as in 3.10 and later, and says so.
     */
    static final ApiVersion STATIC_LAYOUT = new ApiVersion(3, 10, 0);

    /**
     * The lowest version that has every capability and feature {@code d} uses.
     * {@code plugin_get_required_event_schema_version} (3.12.0) raises nothing: libsinsp's loader resolves every
     * symbol by name whatever version a plugin declares, so hosts before 3.12 ignore the function and later ones
     * check it, and a syscall plugin keeps loading in older Falco releases.
     */
    static ApiVersion required(PluginDescriptor d) {
        ApiVersion required = BASELINE;
        if (d.linkage() instanceof Linkage.Static) {
            required = max(required, STATIC_LAYOUT);
        }
        if (d.metrics()) {
            required = max(required, METRICS);
        }
        if (d.reconfigure()) {
            required = max(required, SET_CONFIG);
        }
        for (Capability capability : d.capabilities()) {
            ApiVersion needed = switch (capability) {
                case Capability.Source source -> BASELINE;
                case Capability.Extract extract ->
                        extract.fields().stream().anyMatch(FieldSpec::addOutput) ? ADD_OUTPUT : BASELINE;
                case Capability.Parse parse -> BASELINE;
                case Capability.Async async -> async.dumpState() ? DUMP_STATE : BASELINE;
                case Capability.CaptureListen listen -> CAPTURE_LISTEN;
            };
            required = max(required, needed);
        }
        return required;
    }

    private static ApiVersion max(ApiVersion a, ApiVersion b) {
        return a.compareTo(b) >= 0 ? a : b;
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
