package dev.signet.adapter.radius;

import java.util.Objects;

/**
 * What the adapter needs to authenticate packets from one RADIUS client (NAS): its name (for
 * audit), the shared secret, and whether its Access-Requests must carry a Message-Authenticator
 * (true unless an admin turned it off for an old device: then FreeRADIUS's
 * {@code limit_proxy_state} rule applies instead).
 */
public record RadiusClientKey(String name, byte[] secret, boolean requireMessageAuthenticator) {
    public RadiusClientKey {
        Objects.requireNonNull(name, "name");
        secret = secret.clone();
        if (secret.length == 0) {
            throw new IllegalArgumentException("a RADIUS client needs a shared secret");
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusClientKey that && name.equals(that.name)
                && java.util.Arrays.equals(secret, that.secret) && requireMessageAuthenticator == that.requireMessageAuthenticator;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "RADIUS client " + name; // never the secret
    }
}
