/**
 * The RADIUS server's socket side, as a JCA inbound resource adapter.
 *
 * <p>Owns: the UDP listeners (authentication 1812, accounting 1813) and their bounded worker
 * pool, the RFC 2865/2866 codec (aaa4j-radius), verification of Message-Authenticator and the
 * accounting request authenticator with the client's shared secret, the BlastRADIUS rules
 * (Message-Authenticator required and put first in every answer; {@code limit_proxy_state}),
 * User-Password decryption, MPPE key encryption (RFC 2548), Status-Server (RFC 5997), and
 * duplicate detection (RFC 5080). Each authentic request goes to a message endpoint implementing
 * {@link dev.signet.adapter.radius.RadiusRequestListener}; drops are silent and counted.
 *
 * <p>Must not: check credentials, read group policy or touch JPA; the EJB core says which client
 * an address is and decides Accept, Reject or Challenge.
 */
package dev.signet.radius.adapter;
