package dev.signet.adapter.radius;

import java.util.Arrays;

/**
 * What an Access-Request proves, as the adapter decoded it. Exactly one of these per request
 * (RFC 2865 section 5.2/5.3: User-Password and CHAP-Password never come together).
 */
public sealed interface RadiusCredential {

    /** RFC 2865 section 5.2: User-Password, already decrypted with the shared secret. */
    record Pap(char[] password) implements RadiusCredential {
        @Override
        public String method() {
            return "pap";
        }

        public Pap {
            password = password == null ? new char[0] : password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public String toString() {
            return "PAP";
        }
    }

    /**
     * RFC 2865 section 5.3 and 2.2: CHAP-Password (the CHAP identifier and the 16-octet response)
     * and the challenge: CHAP-Challenge, or the request authenticator when that is absent.
     */
    record Chap(int identifier, byte[] response, byte[] challenge) implements RadiusCredential {
        @Override
        public String method() {
            return "chap";
        }

        public Chap {
            response = response.clone();
            challenge = challenge.clone();
        }

        @Override
        public byte[] response() {
            return response.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }

        @Override
        public String toString() {
            return "CHAP";
        }
    }

    /** RFC 3579: the EAP-Message attributes, concatenated, and the State of the conversation (null on its first message). */
    record Eap(byte[] eapMessage, byte[] state) implements RadiusCredential {
        @Override
        public String method() {
            return "eap";
        }

        public Eap {
            eapMessage = eapMessage.clone();
            state = state == null ? null : state.clone();
        }

        @Override
        public byte[] eapMessage() {
            return eapMessage.clone();
        }

        @Override
        public byte[] state() {
            return state == null ? null : state.clone();
        }

        @Override
        public String toString() {
            return "EAP";
        }
    }

    /**
     * RFC 2548 sections 2.3.2 and 2.3.4: MS-CHAP-Challenge (16 octets) and MS-CHAP2-Response
     * (50 octets: ident, flags, peer challenge, reserved, NT-Response).
     */
    record MsChapV2(byte[] authenticatorChallenge, byte[] response) implements RadiusCredential {
        @Override
        public String method() {
            return "mschapv2";
        }

        public MsChapV2 {
            authenticatorChallenge = authenticatorChallenge.clone();
            response = response.clone();
        }

        @Override
        public byte[] authenticatorChallenge() {
            return authenticatorChallenge.clone();
        }

        @Override
        public byte[] response() {
            return response.clone();
        }

        @Override
        public String toString() {
            return "MS-CHAPv2";
        }
    }

    /** No credential the server understands (an Access-Request with none is answered with a Reject). */
    record None() implements RadiusCredential {
        @Override
        public String method() {
            return "none";
        }
    }

    /** The method's name as metrics and the audit trail give it. */
    String method();

    /** Overwrites secret material once the core is done with it. */
    static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
