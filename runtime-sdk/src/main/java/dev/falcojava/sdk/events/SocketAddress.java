package dev.falcojava.sdk.events;

import dev.falcojava.sdk.abi.syscall.ParamReader;

/**
 * A socket address ({@code PT_SOCKADDR}): a family byte, then for {@code AF_INET} 4 address bytes and a port, for
 * {@code AF_INET6} 16 address bytes and a port, for {@code AF_UNIX} a NUL-terminated path. An empty parameter has
 * family {@code -1}. A reusable object of its view, reset by each read.
 */
public final class SocketAddress {

    private ParamReader params;
    private int index;
    private int family;
    private int port;
    private int ipv4;

    void read(ParamReader reader, int param) {
        params = reader;
        index = param;
        int length = reader.length(param);
        family = length == 0 ? -1 : (int) reader.littleEndian(param, 0, 1);
        port = 0;
        ipv4 = 0;
        switch (family) {
            case EventView.AF_INET -> {
                exact(length, 7);
                ipv4 = Integer.reverseBytes((int) reader.littleEndian(param, 1, 4));
                port = (int) reader.littleEndian(param, 5, 2);
            }
            case EventView.AF_INET6 -> {
                exact(length, 19);
                port = (int) reader.littleEndian(param, 17, 2);
            }
            default -> {
            }
        }
    }

    private void exact(int length, int expected) {
        if (length != expected) {
            throw params.malformed(index, "a socket address of family " + family + " has " + expected
                    + " bytes, this one " + length);
        }
    }

    /** The driver's address family: 1 unix, 2 inet, 10 inet6, -1 for none. */
    public int family() {
        return family;
    }

    /** The port of an inet or inet6 address. */
    public int port() {
        return port;
    }

    /** The IPv4 address of an inet address, in network order as a big-endian int ({@code 0x7f000001}). */
    public int ipv4() {
        return ipv4;
    }

    /** Copies the 16 bytes of an inet6 address into {@code target} at {@code offset}. */
    public void copyIpv6(byte[] target, int offset) {
        if (family != EventView.AF_INET6) {
            throw new IllegalStateException("family " + family + " is not inet6");
        }
        params.copy(index, 1, target, offset, 16);
    }

    /** The path of a unix address. */
    public String unixPath() {
        return family == EventView.AF_UNIX ? params.string(index, 1) : "";
    }

    @Override
    public String toString() {
        return switch (family) {
            case -1 -> "none";
            case EventView.AF_INET -> "inet:" + Inet.ipv4(ipv4) + ":" + port;
            case EventView.AF_INET6 -> {
                byte[] address = new byte[16];
                copyIpv6(address, 0);
                yield "inet6:" + Inet.ipv6(address) + ":" + port;
            }
            case EventView.AF_UNIX -> "unix:" + unixPath();
            default -> "family" + family;
        };
    }
}
