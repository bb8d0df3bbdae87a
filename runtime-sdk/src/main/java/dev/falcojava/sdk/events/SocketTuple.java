package dev.falcojava.sdk.events;

import dev.falcojava.sdk.abi.syscall.ParamReader;

/**
 * Both ends of a connection ({@code PT_SOCKTUPLE}): a family byte, then for {@code AF_INET} source address (4),
 * source port (2), destination address (4), destination port (2); for {@code AF_INET6} the same with 16-byte
 * addresses; for {@code AF_UNIX} two 64-bit socket pointers and a NUL-terminated path. An empty parameter has family
 * {@code -1}. A reusable object of its view, reset by each read.
 */
public final class SocketTuple {

    private ParamReader params;
    private int index;
    private int family;
    private int sourcePort;
    private int destinationPort;
    private int sourceIpv4;
    private int destinationIpv4;
    private long sourcePointer;
    private long destinationPointer;

    void read(ParamReader reader, int param) {
        params = reader;
        index = param;
        int length = reader.length(param);
        family = length == 0 ? -1 : (int) reader.littleEndian(param, 0, 1);
        sourcePort = destinationPort = sourceIpv4 = destinationIpv4 = 0;
        sourcePointer = destinationPointer = 0;
        switch (family) {
            case EventView.AF_INET -> {
                exact(length, 13);
                sourceIpv4 = Integer.reverseBytes((int) reader.littleEndian(param, 1, 4));
                sourcePort = (int) reader.littleEndian(param, 5, 2);
                destinationIpv4 = Integer.reverseBytes((int) reader.littleEndian(param, 7, 4));
                destinationPort = (int) reader.littleEndian(param, 11, 2);
            }
            case EventView.AF_INET6 -> {
                exact(length, 37);
                sourcePort = (int) reader.littleEndian(param, 17, 2);
                destinationPort = (int) reader.littleEndian(param, 35, 2);
            }
            case EventView.AF_UNIX -> {
                if (length < 17) {
                    throw reader.malformed(param, "a unix socket tuple has at least 17 bytes, this one " + length);
                }
                sourcePointer = reader.littleEndian(param, 1, 8);
                destinationPointer = reader.littleEndian(param, 9, 8);
            }
            default -> {
            }
        }
    }

    private void exact(int length, int expected) {
        if (length != expected) {
            throw params.malformed(index, "a socket tuple of family " + family + " has " + expected
                    + " bytes, this one " + length);
        }
    }

    /** The driver's address family: 1 unix, 2 inet, 10 inet6, -1 for none. */
    public int family() {
        return family;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    /** The source IPv4 address in network order as a big-endian int. */
    public int sourceIpv4() {
        return sourceIpv4;
    }

    /** The destination IPv4 address in network order as a big-endian int. */
    public int destinationIpv4() {
        return destinationIpv4;
    }

    /** Copies the 16 bytes of the source inet6 address into {@code target} at {@code offset}. */
    public void copySourceIpv6(byte[] target, int offset) {
        ipv6(1, target, offset);
    }

    /** Copies the 16 bytes of the destination inet6 address into {@code target} at {@code offset}. */
    public void copyDestinationIpv6(byte[] target, int offset) {
        ipv6(19, target, offset);
    }

    private void ipv6(int from, byte[] target, int offset) {
        if (family != EventView.AF_INET6) {
            throw new IllegalStateException("family " + family + " is not inet6");
        }
        params.copy(index, from, target, offset, 16);
    }

    /** The kernel's pointer of the source unix socket. */
    public long sourcePointer() {
        return sourcePointer;
    }

    /** The kernel's pointer of the destination unix socket. */
    public long destinationPointer() {
        return destinationPointer;
    }

    /** The path of a unix socket tuple. */
    public String unixPath() {
        return family == EventView.AF_UNIX ? params.string(index, 17) : "";
    }

    @Override
    public String toString() {
        return switch (family) {
            case -1 -> "none";
            case EventView.AF_INET -> "inet:" + Inet.ipv4(sourceIpv4) + ":" + sourcePort + ">"
                    + Inet.ipv4(destinationIpv4) + ":" + destinationPort;
            case EventView.AF_INET6 -> {
                byte[] source = new byte[16];
                byte[] destination = new byte[16];
                copySourceIpv6(source, 0);
                copyDestinationIpv6(destination, 0);
                yield "inet6:" + Inet.ipv6(source) + ":" + sourcePort + ">" + Inet.ipv6(destination) + ":"
                        + destinationPort;
            }
            case EventView.AF_UNIX -> "unix:" + Long.toHexString(sourcePointer) + ">"
                    + Long.toHexString(destinationPointer) + ":" + unixPath();
            default -> "family" + family;
        };
    }
}
