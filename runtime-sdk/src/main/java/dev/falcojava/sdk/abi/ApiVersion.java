package dev.falcojava.sdk.abi;

/** A plugin API version, {@code major.minor.patch}. */
record ApiVersion(int major, int minor, int patch) {

    static ApiVersion parse(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a major.minor.patch version");
        }
        return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    boolean atLeast(ApiVersion other) {
        if (major != other.major) {
            return major > other.major;
        }
        if (minor != other.minor) {
            return minor > other.minor;
        }
        return patch >= other.patch;
    }
}
