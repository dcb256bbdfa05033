package dev.signet.adapter.ldap;

/**
 * The message-listener interface of the LDAP resource adapter: one call per decoded LDAP
 * operation that needs the identity store. The adapter answers connection-level operations
 * (unbind, abandon, StartTLS) itself.
 */
public interface LdapRequestListener {

    /** RFC 4511 section 4.2: a simple bind; {@code password} is empty for an anonymous bind. */
    LdapResult bind(LdapConnection connection, String name, char[] password);

    /** RFC 4511 section 4.5: a search, answered as entries plus the final result. */
    LdapSearchResult search(LdapConnection connection, LdapSearch search);
}
