package dev.signet.adapter.ldap;

/**
 * The message-listener interface of the LDAP resource adapter: one call per decoded LDAP
 * operation that needs the identity store. The adapter answers connection-level operations
 * (unbind, abandon, StartTLS, whoami from the bound identity) itself.
 */
public interface LdapRequestListener {

    /**
     * RFC 4511 section 4.2: a simple bind; {@code password} is empty for an anonymous bind. The
     * answer carries the identity later operations on the connection run as.
     */
    LdapBindResult bind(LdapConnection connection, String name, char[] password);

    /** RFC 4511 section 4.5: a search, answered as entries plus the final result. */
    LdapSearchResult search(LdapConnection connection, LdapSearch search);

    /** RFC 4511 section 4.10: compareTrue, compareFalse, or why the comparison could not be made. */
    LdapResult compare(LdapConnection connection, LdapCompare compare);
}
