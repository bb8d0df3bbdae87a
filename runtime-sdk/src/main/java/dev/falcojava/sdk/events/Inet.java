package dev.falcojava.sdk.events;

/** Text of addresses as the views show them. */
final class Inet {

    private Inet() {
    }

    static String ipv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    static String ipv6(byte[] address) {
        return "[" + ParamText.hex(address) + "]";
    }
}
