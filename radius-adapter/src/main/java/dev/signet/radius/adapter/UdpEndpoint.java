package dev.signet.radius.adapter;

import java.util.Objects;

/** Where the RADIUS listener binds, validated once when the adapter starts. */
record UdpEndpoint(String address, int port) {
    UdpEndpoint {
        Objects.requireNonNull(address, "bindAddress");
        if (address.isBlank()) {
            throw new IllegalArgumentException("bindAddress must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("authPort must be 1-65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return address + ":" + port + "/udp";
    }
}
