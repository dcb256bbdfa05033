/**
 * The RADIUS server's socket side, as a JCA inbound resource adapter.
 *
 * <p>Owns: the UDP listener (default port 1812), the RFC 2865 codec, verification of the request
 * authenticator and Message-Authenticator with the client's shared secret, User-Password
 * decryption, and duplicate-request detection. Each Access-Request goes to a message endpoint
 * implementing {@link dev.signet.adapter.radius.RadiusRequestListener}.
 *
 * <p>Must not: check credentials, read group policy or touch JPA; the EJB core decides Accept or
 * Reject. The listener itself arrives with the RADIUS issue; today the adapter carries its
 * configuration and endpoint bookkeeping.
 */
package dev.signet.radius.adapter;
