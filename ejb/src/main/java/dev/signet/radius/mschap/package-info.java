/**
 * MS-CHAP version 2 (RFC 2759) and the MPPE keys it yields (RFC 3079), shared by plain RADIUS
 * MS-CHAPv2 (the MS-CHAP2-Response attribute) and by EAP-MSCHAPv2, PEAP and TTLS in
 * {@code dev.signet.radius.eap}.
 *
 * <p>Owns: the hash and response arithmetic, constant-time comparison of the peer's response,
 * the authenticator response and the MPPE master, send and receive keys. Must not: look up
 * accounts, decide access, audit, or know about RADIUS attributes or EAP framing.
 */
package dev.signet.radius.mschap;
