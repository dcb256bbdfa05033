package dev.signet.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The peer's side of MS-CHAPv2 (RFC 2759 section 8) and the keys of RFC 3079 section 3, written
 * from the RFCs for the tests, apart from the server's code: what radclient cannot compute.
 */
final class MsChapV2Peer {
    private MsChapV2Peer() {
    }

    /** RFC 2759 8.1 GenerateNTResponse. */
    static byte[] ntResponse(byte[] authChallenge, byte[] peerChallenge, String user, String password) throws Exception {
        byte[] challenge = Arrays.copyOf(sha1(peerChallenge, authChallenge, user.getBytes(StandardCharsets.US_ASCII)), 8);
        byte[] hash = Arrays.copyOf(md4(password.getBytes(StandardCharsets.UTF_16LE)), 21);
        byte[] out = new byte[24];
        for (int i = 0; i < 3; i++) {
            DESEngine des = new DESEngine();
            des.init(true, new KeyParameter(desKey(Arrays.copyOfRange(hash, 7 * i, 7 * i + 7))));
            des.processBlock(challenge, 0, out, 8 * i);
        }
        return out;
    }

    /** RFC 2759 8.7 GenerateAuthenticatorResponse: "S=" and 40 upper-case hex digits. */
    static String authenticatorResponse(byte[] authChallenge, byte[] peerChallenge, byte[] ntResponse, String user, String password)
            throws Exception {
        byte[] hashHash = md4(md4(password.getBytes(StandardCharsets.UTF_16LE)));
        byte[] digest = sha1(hashHash, ntResponse, "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII));
        byte[] challenge = Arrays.copyOf(sha1(peerChallenge, authChallenge, user.getBytes(StandardCharsets.US_ASCII)), 8);
        byte[] response = sha1(digest, challenge, "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII));
        return "S=" + HexFormat.of().withUpperCase().formatHex(response);
    }

    /** RFC 3079 3.4: the server's 128-bit send key (the peer's receive key: Magic3) or receive key (Magic2). */
    static byte[] serverKey(byte[] ntResponse, String password, boolean send) throws Exception {
        byte[] hashHash = md4(md4(password.getBytes(StandardCharsets.UTF_16LE)));
        byte[] master = Arrays.copyOf(sha1(hashHash, ntResponse, "This is the MPPE Master Key".getBytes(StandardCharsets.US_ASCII)), 16);
        String magic = send ? "On the client side, this is the receive key; on the server side, it is the send key."
                : "On the client side, this is the send key; on the server side, it is the receive key.";
        byte[] pad2 = new byte[40];
        Arrays.fill(pad2, (byte) 0xF2);
        return Arrays.copyOf(sha1(master, new byte[40], magic.getBytes(StandardCharsets.US_ASCII), pad2), 16);
    }

    private static byte[] desKey(byte[] seven) {
        byte[] key = new byte[8];
        long bits = 0;
        for (byte b : seven) {
            bits = bits << 8 | (b & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (((bits >>> (49 - 7 * i)) & 0x7f) << 1);
        }
        return key;
    }

    private static byte[] md4(byte[] data) {
        MD4Digest md4 = new MD4Digest();
        md4.update(data, 0, data.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    private static byte[] sha1(byte[]... parts) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (byte[] part : parts) {
            sha1.update(part);
        }
        return sha1.digest();
    }
}
