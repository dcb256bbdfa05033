package dev.signet.radius.eap;

import java.util.Arrays;

/**
 * What the RADIUS listener answers to one Access-Request carrying EAP-Message attributes.
 *
 * <ul>
 * <li>{@link Kind#CHALLENGE}: Access-Challenge with {@code eapMessage} (split into EAP-Message
 * attributes of at most 253 bytes) and {@code state} in the State attribute;</li>
 * <li>{@link Kind#ACCEPT}: Access-Accept with {@code eapMessage} (EAP-Success), User-Name
 * {@code innerUsername} (the name that proved its secret; an outer identity may be anonymous),
 * and {@code mppeRecvKey}/{@code mppeSendKey} encrypted into MS-MPPE-Recv-Key and
 * MS-MPPE-Send-Key (RFC 2548 §2.4.2-2.4.3): the first and second half of the MSK, 32 bytes each
 * for PEAP and TTLS, 16 each for EAP-MSCHAPv2 (its MSK has 32 bytes; hostapd splits the same
 * way);</li>
 * <li>{@link Kind#REJECT}: Access-Reject with {@code eapMessage} (EAP-Failure).</li>
 * </ul>
 *
 * <p>{@code method} ("PEAP-MSCHAPv2", "TTLS-PAP", "TTLS-MSCHAPv2", "EAP-MSCHAPv2", or null before
 * one is chosen) and {@code reason} (why a REJECT, for the audit trail only, never for the
 * wire) serve the caller's audit. {@code innerUsername} is also set on a REJECT once a name was
 * claimed, so that the failure can count toward that name's lockout.
 */
public record EapStep(Kind kind, byte[] eapMessage, byte[] state, String innerUsername, byte[] mppeRecvKey,
        byte[] mppeSendKey, String method, String reason) {

    public enum Kind {
        CHALLENGE, ACCEPT, REJECT
    }

    static EapStep challenge(byte[] eapMessage, byte[] state, String method) {
        return new EapStep(Kind.CHALLENGE, eapMessage, state, null, null, null, method, null);
    }

    static EapStep accept(byte[] eapMessage, String username, byte[] msk, String method) {
        int half = Math.min(32, msk.length / 2);
        byte[] recv = Arrays.copyOfRange(msk, 0, half);
        byte[] send = Arrays.copyOfRange(msk, half, 2 * half);
        return new EapStep(Kind.ACCEPT, eapMessage, null, username, recv, send, method, null);
    }

    static EapStep reject(byte[] eapMessage, String username, String method, String reason) {
        return new EapStep(Kind.REJECT, eapMessage, null, username, null, null, method, reason);
    }

    /**
     * The same conversation refused after all (the core's decision said no: locked, not in the
     * client's groups): an EAP-Failure with this success's identifier, for the Access-Reject.
     */
    public EapStep refused(String why) {
        int identifier = eapMessage != null && eapMessage.length >= 2 ? eapMessage[1] & 0xFF : 0;
        return reject(EapPacket.failure(identifier), innerUsername, method, why);
    }

    @Override
    public String toString() {
        // never the keys
        return "EapStep[" + kind + ", method=" + method + ", user=" + innerUsername + (reason == null ? "" : ", reason=" + reason) + "]";
    }
}
