/**
 * The installation's identity and its own files.
 *
 * <p>Owns: the domain row first boot writes (UUID and name, one for the cluster), the validated DNS
 * name everything derives from (spn, OIDC issuer, WebAuthn relying party, LDAP base DN), the
 * configuration from server system properties, the data directory and the modes of the server's
 * files, the key-encryption key that seals private keys and secrets held in the database, and the
 * served certificate chain (public).
 *
 * <p>Must not: depend on any feature package (everything depends on it), or generate the TLS key
 * pair (the LDAP adapter does, before any listener needs it).
 */
package dev.signet.domain;
