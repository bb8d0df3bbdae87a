package dev.falcojava.sdk.events;

import dev.falcojava.sdk.abi.syscall.ParamReader;

/**
 * A parameter whose type depends on the call ({@code PT_DYN}): a one-byte index into the driver's table of variant
 * types for it, then a value of that type. A reusable object of its view, reset by each read.
 */
public final class DynamicParam {

    private final String[] variants;
    private ParamReader params;
    private int index;
    private int variant;
    private int valueLength;

    DynamicParam(String[] variants) {
        this.variants = variants;
    }

    void read(ParamReader reader, int param) {
        params = reader;
        index = param;
        int length = reader.length(param);
        if (length < 1) {
            throw reader.malformed(param, "a dynamic parameter has at least its index byte, this one is empty");
        }
        variant = (int) reader.littleEndian(param, 0, 1);
        if (variant >= variants.length) {
            throw reader.malformed(param, "variant " + variant + " of a table of " + variants.length);
        }
        valueLength = length - 1;
        int width = width(variants[variant]);
        if (width > 0 && valueLength != width) {
            throw reader.malformed(param, "a " + variants[variant] + " value has " + width + " bytes, this one "
                    + valueLength);
        }
    }

    private static int width(String type) {
        return switch (type) {
            case "INT8", "UINT8", "SIGTYPE", "FLAGS8", "ENUMFLAGS8" -> 1;
            case "INT16", "UINT16", "FLAGS16", "ENUMFLAGS16", "SYSCALLID" -> 2;
            case "INT32", "UINT32", "FLAGS32", "ENUMFLAGS32", "UID", "GID", "MODE", "SIGSET", "FD32", "PID32" -> 4;
            case "INT64", "UINT64", "ERRNO", "FD", "PID", "RELTIME", "ABSTIME" -> 8;
            default -> 0;
        };
    }

    /** The index of the variant, into the driver's table for this parameter. */
    public int variant() {
        return variant;
    }

    /** The parameter type of the variant, as in {@code UINT64} or {@code BYTEBUF}. */
    public String variantType() {
        return variants[variant];
    }

    /** Whether the value is a number ({@link #asLong} reads it). */
    public boolean numeric() {
        return width(variants[variant]) > 0;
    }

    /** A numeric value, sign-extended for the signed types. */
    public long asLong() {
        int width = width(variants[variant]);
        if (width == 0) {
            throw new IllegalStateException(variants[variant] + " is not a number");
        }
        long raw = params.littleEndian(index, 1, width);
        return switch (variants[variant]) {
            case "INT8" -> (byte) raw;
            case "INT16" -> (short) raw;
            case "INT32", "FD32", "PID32" -> (int) raw;
            default -> raw;
        };
    }

    /** The length in bytes of the value. */
    public int valueLength() {
        return valueLength;
    }

    /** A copy of the value's bytes. */
    public byte[] valueBytes() {
        byte[] bytes = new byte[valueLength];
        params.copy(index, 1, bytes, 0, valueLength);
        return bytes;
    }

    @Override
    public String toString() {
        return variant + ":" + (numeric() ? Long.toString(asLong()) : ParamText.hex(valueBytes()));
    }
}
