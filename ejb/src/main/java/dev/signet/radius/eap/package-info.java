/**
 * EAP (RFC 3748) as a RADIUS server speaks it (RFC 3579): EAP-MSCHAPv2
 * (draft-kamath-pppext-eap-mschapv2), EAP-PEAPv0 with inner EAP-MSCHAPv2 (Microsoft's [MS-PEAP])
 * and EAP-TTLSv0 (RFC 5281) with inner PAP or MS-CHAP-V2, the TLS server side on Bouncy Castle
 * TLS 1.2 and 1.3 driven one EAP message at a time.
 *
 * <p>Owns: EAP framing, method negotiation (legacy Nak), EAP-TLS style fragmentation (RFC 5216
 * §3.1), the TLS tunnel and its keys (MSK per RFC 5216/5281 for TLS 1.2, RFC 9427 for TLS 1.3),
 * the conversation's state across RADIUS round trips and cluster nodes ({@link
 * dev.signet.radius.eap.ConversationStore}), and bounds on sizes, rounds, open conversations and
 * their age. Entry point: {@link dev.signet.radius.eap.EapServer#step}.
 *
 * <p>Must not: open sockets, know RADIUS attributes beyond the EAP-Message value and the State
 * it is handed, look up accounts (it asks an {@link dev.signet.radius.eap.InnerAuthenticator}
 * for a person's RADIUS secret), decide access beyond "the secret was proved", audit, or log
 * secrets. The caller decides (lockout, groups) and audits from the {@link
 * dev.signet.radius.eap.EapStep} it gets back.
 */
package dev.signet.radius.eap;
