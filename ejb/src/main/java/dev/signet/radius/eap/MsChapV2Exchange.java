package dev.signet.radius.eap;

import dev.signet.radius.mschap.MsChapV2;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * EAP-MSCHAPv2's messages (draft-kamath-pppext-eap-mschapv2-02 §2), the authenticator's side:
 * Challenge (OpCode 1), the peer's Response (2), Success (3) and the peer's Success
 * acknowledgement. Used alone (EAP type 26) and as PEAP's inner method.
 *
 * <p>Challenge data: OpCode, MS-CHAPv2-ID, MS-Length (2 bytes: from OpCode to the end), Value-Size
 * (16), the 16-byte challenge, the server's name. Response data: OpCode, MS-CHAPv2-ID, MS-Length,
 * Value-Size (49), Peer-Challenge (16), 8 reserved zero bytes, NT-Response (24), Flags (1), the
 * peer's name.
 */
final class MsChapV2Exchange {
    static final int CHALLENGE = 1;
    static final int RESPONSE = 2;
    static final int SUCCESS = 3;
    static final int FAILURE = 4;
    private static final byte[] SERVER_NAME = "signet".getBytes(StandardCharsets.US_ASCII);
    /** A peer name is a RADIUS User-Name at most (RFC 2865 §5.1: 253 bytes). */
    static final int MAX_NAME = 253;

    private final byte[] challenge = new byte[16];
    private final int mschapId;

    MsChapV2Exchange(SecureRandom random) {
        random.nextBytes(challenge);
        mschapId = random.nextInt(256);
    }

    byte[] challengeData() {
        int msLength = 5 + 16 + SERVER_NAME.length;
        byte[] out = new byte[msLength];
        out[0] = CHALLENGE;
        out[1] = (byte) mschapId;
        out[2] = (byte) (msLength >>> 8);
        out[3] = (byte) msLength;
        out[4] = 16;
        System.arraycopy(challenge, 0, out, 5, 16);
        System.arraycopy(SERVER_NAME, 0, out, 21, SERVER_NAME.length);
        return out;
    }

    /** The outcome of the peer's Response: the name it claimed (if it was readable) and, when right, the result. */
    record Checked(String username, Optional<MsChapV2.Result> result, String reason) {
    }

    Checked check(byte[] data, InnerAuthenticator inner) {
        if (data.length < 5 + 49 || data[0] != RESPONSE || (data[1] & 0xFF) != mschapId || data[4] != 49) {
            return new Checked(null, Optional.empty(), "malformed MS-CHAPv2 response");
        }
        int msLength = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        if (msLength != data.length || data.length - 54 > MAX_NAME) {
            return new Checked(null, Optional.empty(), "malformed MS-CHAPv2 response");
        }
        byte[] peerChallenge = Arrays.copyOfRange(data, 5, 21);
        byte[] ntResponse = Arrays.copyOfRange(data, 29, 53);
        String name = new String(data, 54, data.length - 54, StandardCharsets.UTF_8);
        return new Checked(name, verify(name, inner, challenge, peerChallenge, ntResponse), "wrong secret or no such person");
    }

    /** Asks for the secret of the name without a {@code DOMAIN\} prefix; a missing secret fails like a wrong one. */
    static Optional<MsChapV2.Result> verify(String name, InnerAuthenticator inner, byte[] authChallenge, byte[] peerChallenge,
            byte[] ntResponse) {
        Optional<char[]> secret = inner.radiusSecretOf(MsChapV2.withoutDomain(name));
        if (secret.isEmpty()) {
            // same work as for a wrong secret: the answer and its timing say nothing about the account
            MsChapV2.verify(name, new char[20], authChallenge, peerChallenge, ntResponse);
            return Optional.empty();
        }
        char[] password = secret.get();
        try {
            return MsChapV2.verify(name, password, authChallenge, peerChallenge, ntResponse);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Success request data: OpCode 3, the same MS-CHAPv2-ID, MS-Length, "S=<40 hex> M=OK". */
    byte[] successData(MsChapV2.Result result) {
        byte[] message = (result.authenticatorResponse() + " M=OK").getBytes(StandardCharsets.US_ASCII);
        int msLength = 4 + message.length;
        byte[] out = new byte[msLength];
        out[0] = SUCCESS;
        out[1] = (byte) mschapId;
        out[2] = (byte) (msLength >>> 8);
        out[3] = (byte) msLength;
        System.arraycopy(message, 0, out, 4, message.length);
        return out;
    }

    /** The peer's acknowledgement of Success: its OpCode alone. */
    static boolean isSuccessAcknowledgement(byte[] data) {
        return data.length == 1 && data[0] == SUCCESS;
    }
}
