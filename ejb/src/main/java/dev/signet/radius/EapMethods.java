package dev.signet.radius;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the RADIUS decision meets the EAP methods (RFC 3748: EAP-MSCHAPv2, PEAPv0, EAP-TTLS) and
 * MS-CHAPv2 (RFC 2759), which are built as pure classes of their own ({@code radius.eap},
 * {@code radius.mschap}); {@link EapService} serves them. {@link RadiusAuthenticator} turns each
 * turn into Access-Challenge, Reject or Accept with the MPPE keys, applies the account rules to
 * the inner identity at the end, counts failures toward the lockout and audits.
 */
public interface EapMethods {

    /** Whether EAP and MS-CHAPv2 requests are served at all. */
    boolean available();

    /**
     * One EAP round trip: the State attribute of the conversation (null on its first message) and
     * the EAP packet from the peer; {@code secretOf} gives a person's RADIUS secret by name (empty
     * for anyone else). The conversation's state is the methods' own (shared across nodes), found
     * again by the State bytes this returns.
     */
    EapTurn step(byte[] stateOrNull, byte[] eapMessage, Function<String, Optional<char[]>> secretOf);

    /**
     * RFC 2759 MS-CHAPv2 against {@code password}: the authenticator response ("S=...") and the
     * RFC 3079 MPPE keys when the NT-Response is right, empty when it is not.
     */
    Optional<MsChapV2Proof> msChapV2(String username, char[] password, byte[] authenticatorChallenge, byte[] peerChallenge,
                                     byte[] ntResponse);

    /**
     * One EAP turn's result; {@code method} ("PEAP-MSCHAPv2", ..., null before one is chosen) and
     * {@code reason} (why a REJECT) are for the audit trail only.
     */
    record EapTurn(Kind kind, byte[] eapMessage, byte[] state, String innerUsername, byte[] mppeRecvKey, byte[] mppeSendKey,
                   String method, String reason) {
        public enum Kind {
            CHALLENGE, ACCEPT, REJECT
        }
    }

    /** A proved MS-CHAPv2 response: what the peer checks the server by, and the session keys. */
    record MsChapV2Proof(String authenticatorResponse, byte[] recvKey, byte[] sendKey) {
    }
}
