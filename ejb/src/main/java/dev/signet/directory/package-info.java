/**
 * The LDAP gateway's meaning: what the LDAP adapter's decoded operations are answered with.
 *
 * <p>Owns: the message endpoint the resource adapter delivers to ({@code LdapGateway}), binds
 * (password or API token, with the same rate limit, lockout, account policy and audit as every
 * login, and refused on a connection not under TLS), searches and compares ({@code Directory}),
 * the LDAP tree and its DNs, the entry mapping (object classes, {@code uid}/{@code cn}, references
 * as DNs), filters translated into JPA criteria the database answers through its indexes and their
 * bounds, matching rules and syntaxes, the subschema entry, result codes for the core's refusals,
 * and the gateway's metrics.
 *
 * <p>Must not: open sockets or touch BER (the adapter does), write entries, decide access itself
 * (what an answer shows is what the {@code entry} views let the bound caller see, through
 * {@code access}), or load a whole table to evaluate a filter.
 */
package dev.signet.directory;
