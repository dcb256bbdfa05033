package dev.signet.adapter.ldap;

import java.util.Objects;

/**
 * What the core needs to know about the connection an operation arrived on.
 *
 * @param connectionId the adapter's id for the connection, stable for its lifetime
 * @param remoteAddress the peer address, for audit and lockout
 * @param bound the identity the core bound on this connection, or null if anonymous
 * @param secure whether the connection is protected by TLS (LDAPS or after StartTLS)
 */
public record LdapConnection(String connectionId, String remoteAddress, LdapBoundIdentity bound, boolean secure) {
    public LdapConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    public boolean anonymous() {
        return bound == null;
    }

    /** The DN the connection is bound as, empty if anonymous. */
    public String boundDn() {
        return bound == null ? "" : bound.dn();
    }
}
