package dev.falcojava.sdk.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The value of an {@code ipnet} field. The plugin API carries an {@code ipnet} value as the 4 or 16 bytes of an
 * address, which rules compare against networks such as {@code 10.0.0.0/8}; so the value is the network's address.
 *
 * @param address an IPv4 or IPv6 address
 */
public record IpNetwork(InetAddress address) {

    public IpNetwork {
        Objects.requireNonNull(address, "address");
    }
}
