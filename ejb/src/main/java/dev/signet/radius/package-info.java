/**
 * The RADIUS server's decisions (DESIGN.md: credential check + group policy).
 *
 * <p>Owns: the registry of RADIUS clients (network devices: addresses, shared secrets, allowed
 * groups; {@link dev.signet.radius.RadiusClients}), the in-memory directory the listener asks on
 * every packet ({@link dev.signet.radius.RadiusClientDirectory}), the access rules
 * ({@link dev.signet.radius.RadiusDecision}), the reply attributes (VLAN, per-group extras,
 * Session-Timeout; {@link dev.signet.radius.ReplyAttributes}), the decision with lockout and audit
 * ({@link dev.signet.radius.RadiusAuthenticator}), accounting in the audit trail, the metrics, and
 * the message endpoint of the RADIUS resource adapter ({@link dev.signet.radius.RadiusGateway}).
 * People's RADIUS secrets are credentials and live in {@code dev.signet.credential}.
 *
 * <p>Must not: parse or encode packets, verify authenticators or touch sockets (the adapter
 * does), or tell a device why a login was refused. EAP and MS-CHAPv2 themselves are reached
 * through {@link dev.signet.radius.EapMethods} only.
 */
package dev.signet.radius;
