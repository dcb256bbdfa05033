/**
 * The LDAP gateway's socket side, as a JCA inbound resource adapter.
 *
 * <p>Owns: the LDAPS listener (default port 3636, TLS 1.3 and TLS 1.2 ECDHE+AEAD, key material
 * from the server's data directory), optional plain LDAP with StartTLS (off by default),
 * per-connection state, the bounds on what clients may hold of it (connections, PDU sizes and
 * deadlines, operations in flight, a bound account's share of the workers: {@code ListenerLimits}),
 * and the BER codec (Apache Directory LDAP API). It also makes the server's self-signed key pair
 * on a fresh install, because it starts before any listener of the EAR needs one, and has HTTPS
 * (Elytron) load it. Each decoded
 * bind, search (its filter as the contract's {@code LdapFilter}, node for node) or compare goes to a
 * message endpoint implementing {@link dev.signet.adapter.ldap.LdapRequestListener}; the reply record
 * it returns is encoded back onto the connection, and the identity a bind answers is kept on the
 * connection and handed back with every later operation.
 *
 * <p>Must not: know what an attribute means, decide a compare, touch JPA, or decide access. Those belong to the
 * {@code directory} package of the EJB module, which also refuses password binds on a
 * connection that is not (yet) under TLS.
 */
package dev.signet.ldap.adapter;
