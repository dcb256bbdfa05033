package dev.signet.adapter.ldap;

import java.util.Objects;

/**
 * What the core needs to know about the connection an operation arrived on.
 *
 * @param connectionId the adapter's id for the connection, stable for its lifetime
 * @param remoteAddress the peer address, for audit and lockout
 * @param boundName the bind name the core accepted on this connection, or empty if anonymous
 * @param secure whether the connection is protected by TLS (LDAPS or after StartTLS)
 */
public record LdapConnection(String connectionId, String remoteAddress, String boundName, boolean secure) {
    public LdapConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        boundName = boundName == null ? "" : boundName;
    }

    public boolean anonymous() {
        return boundName.isEmpty();
    }
}
