package dev.signet.radius.eap;

import java.util.Arrays;
import java.util.Optional;

/**
 * One EAP packet (RFC 3748 §4): Code, Identifier, Length (of the whole packet), and for
 * Request/Response a Type and its data. Success and Failure (§4.2) have no type.
 *
 * @param type the method type, or -1 for Success/Failure
 * @param data what follows the type byte (never null)
 */
record EapPacket(int code, int identifier, int type, byte[] data) {
    static final int REQUEST = 1;
    static final int RESPONSE = 2;
    static final int SUCCESS = 3;
    static final int FAILURE = 4;

    static final int TYPE_IDENTITY = 1;
    static final int TYPE_NOTIFICATION = 2;
    static final int TYPE_NAK = 3;
    static final int TYPE_TTLS = 21;
    static final int TYPE_PEAP = 25;
    static final int TYPE_MSCHAPV2 = 26;
    /** Microsoft's EAP-TLV (PEAPv0's result), also "EAP extensions". */
    static final int TYPE_TLV = 33;

    /**
     * Parses a whole packet; empty when it is shorter than its header, its Length disagrees
     * with the bytes given (RFC 3579 §3.1: the EAP-Message attributes hold exactly one packet),
     * or a Request/Response lacks its type.
     */
    static Optional<EapPacket> parse(byte[] in) {
        if (in == null || in.length < 4) {
            return Optional.empty();
        }
        int code = in[0] & 0xFF;
        int length = ((in[2] & 0xFF) << 8) | (in[3] & 0xFF);
        if (length != in.length || code < REQUEST || code > FAILURE) {
            return Optional.empty();
        }
        if (code == SUCCESS || code == FAILURE) {
            return length == 4 ? Optional.of(new EapPacket(code, in[1] & 0xFF, -1, new byte[0])) : Optional.empty();
        }
        if (length < 5) {
            return Optional.empty();
        }
        return Optional.of(new EapPacket(code, in[1] & 0xFF, in[4] & 0xFF, Arrays.copyOfRange(in, 5, length)));
    }

    static byte[] request(int identifier, int type, byte[] data) {
        return packet(REQUEST, identifier, type, data);
    }

    static byte[] response(int identifier, int type, byte[] data) {
        return packet(RESPONSE, identifier, type, data);
    }

    static byte[] packet(int code, int identifier, int type, byte[] data) {
        int length = 5 + data.length;
        byte[] out = new byte[length];
        out[0] = (byte) code;
        out[1] = (byte) identifier;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        out[4] = (byte) type;
        System.arraycopy(data, 0, out, 5, data.length);
        return out;
    }

    static byte[] success(int identifier) {
        return new byte[] {SUCCESS, (byte) identifier, 0, 4};
    }

    static byte[] failure(int identifier) {
        return new byte[] {FAILURE, (byte) identifier, 0, 4};
    }

    @Override
    public String toString() {
        return "EapPacket[code=" + code + ", id=" + identifier + ", type=" + type + ", " + data.length + " bytes]";
    }
}
