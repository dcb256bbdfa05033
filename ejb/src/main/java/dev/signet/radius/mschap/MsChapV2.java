package dev.signet.radius.mschap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * MS-CHAP version 2, the authenticator's side (RFC 2759), with the MPPE keys of RFC 3079.
 *
 * <p>The peer proves it knows the password by answering the authenticator's 16-byte challenge
 * and its own 16-byte challenge with a 24-byte NT-Response: the first 8 bytes of SHA-1 over
 * both challenges and the user name (RFC 2759 §8.2, {@code ChallengeHash}), DES-encrypted three
 * times under the MD4 hash of the UTF-16LE password ({@code NtPasswordHash}, §8.3), split into
 * three 7-byte keys (§8.5). The authenticator answers with {@code S=} and 40 hex digits
 * ({@code GenerateAuthenticatorResponse}, §8.7), proving it knew the password too.
 *
 * <p>MPPE keys (RFC 3079 §3.3-3.4): {@code MasterKey = SHA1(MD4(NtPasswordHash) | NT-Response |
 * "This is the MPPE Master Key")[0..16]}; each direction's 16-byte start key is
 * {@code SHA1(MasterKey | 40×0x00 | magic | 40×0xF2)[0..16]}. On the server, the send key uses
 * Magic3 ("On the client side, this is the receive key; ...") and the receive key Magic2. In
 * RADIUS, {@code MS-MPPE-Send-Key} carries the server's send key and {@code MS-MPPE-Recv-Key}
 * its receive key (RFC 2548 §2.4.2-2.4.3; what FreeRADIUS' rlm_mschap sends), which is what
 * {@link Result#sendKey16()} and {@link Result#recvKey16()} hold. EAP-MSCHAPv2's MSK is
 * {@code recvKey16 | sendKey16} (32 bytes, as hostapd derives it).
 *
 * <p>Security: MS-CHAPv2 is only as strong as DES over a known plaintext (the NT hash can be
 * recovered from one captured exchange); it is offered for the devices that speak nothing else
 * and, inside PEAP or TTLS, under TLS. The password here is the person's RADIUS secret, never
 * their login password.
 */
public final class MsChapV2 {
    private static final byte[] MAGIC_SIGNING = ascii("Magic server to client signing constant");
    private static final byte[] MAGIC_PAD = ascii("Pad to make it do more than one iteration");
    private static final byte[] MAGIC_MASTER = ascii("This is the MPPE Master Key");
    /** RFC 3079 Magic2: the server's receive key (the client's send key). */
    private static final byte[] MAGIC_SERVER_RECEIVE = ascii(
            "On the client side, this is the send key; on the server side, it is the receive key.");
    /** RFC 3079 Magic3: the server's send key (the client's receive key). */
    private static final byte[] MAGIC_SERVER_SEND = ascii(
            "On the client side, this is the receive key; on the server side, it is the send key.");
    private static final byte[] SHS_PAD1 = new byte[40];
    private static final byte[] SHS_PAD2 = filled(40, (byte) 0xF2);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private MsChapV2() {
    }

    /**
     * What a successful check yields: the {@code S=} authenticator response for MS-CHAP2-Success
     * (RADIUS: the MS-CHAP2-Response's ident byte followed by these 42 ASCII bytes) and the
     * server's 16-byte MPPE receive and send keys (RFC 3079, 128-bit).
     */
    public record Result(String authenticatorResponse, byte[] recvKey16, byte[] sendKey16) {
        /** The 32-byte MSK of EAP-MSCHAPv2 (receive key, then send key), the ISK inside PEAP. */
        public byte[] msk() {
            byte[] msk = Arrays.copyOf(recvKey16, 32);
            System.arraycopy(sendKey16, 0, msk, 16, 16);
            return msk;
        }
    }

    /**
     * Checks a peer's NT-Response (RFC 2759 §8.1) against the password, in constant time.
     *
     * @param username the name the peer put in its response; a {@code DOMAIN\} prefix takes no
     *                 part in the hash (RFC 2759 §8.2)
     * @return the authenticator response and MPPE keys, or empty when the response is wrong or
     *         any argument is malformed (never an exception for bad input)
     */
    public static Optional<Result> verify(String username, char[] password, byte[] authChallenge16,
            byte[] peerChallenge16, byte[] ntResponse24) {
        if (username == null || password == null || !sized(authChallenge16, 16) || !sized(peerChallenge16, 16)
                || !sized(ntResponse24, 24)) {
            return Optional.empty();
        }
        byte[] passwordHash = ntPasswordHash(password);
        try {
            byte[] expected = challengeResponse(challengeHash(peerChallenge16, authChallenge16, username), passwordHash);
            if (!MessageDigest.isEqual(expected, ntResponse24)) {
                return Optional.empty();
            }
            String authenticator = authenticatorResponse(passwordHash, ntResponse24, peerChallenge16, authChallenge16, username);
            byte[] master = masterKey(passwordHash, ntResponse24);
            return Optional.of(new Result(authenticator, startKey(master, MAGIC_SERVER_RECEIVE), startKey(master, MAGIC_SERVER_SEND)));
        } finally {
            Arrays.fill(passwordHash, (byte) 0);
        }
    }

    /**
     * Plain RADIUS MS-CHAPv2 (RFC 2548 §2.3.2): checks the Microsoft vendor attributes
     * MS-CHAP-Challenge (vendor 311, type 11: the 16-byte authenticator challenge) and
     * MS-CHAP2-Response (type 25: Ident 1, Flags 1, Peer-Challenge 16, Reserved 8, Response 24).
     *
     * <p>The Access-Accept then carries MS-CHAP2-Success (type 26) = {@link #successAttribute}
     * and, encrypted per RFC 2548 §2.4.2-2.4.3, MS-MPPE-Recv-Key = {@link Result#recvKey16()} and
     * MS-MPPE-Send-Key = {@link Result#sendKey16()} (the RFC 3079 128-bit start keys, as
     * FreeRADIUS' rlm_mschap sends them); an Access-Reject may carry MS-CHAP-Error
     * {@code ident + "E=691 R=0"}.
     *
     * @param username the User-Name attribute
     * @return empty for a wrong response or malformed attributes
     */
    public static Optional<Result> verifyRadius(String username, char[] password, byte[] msChapChallenge16, byte[] msChap2Response50) {
        if (!sized(msChapChallenge16, 16) || !sized(msChap2Response50, 50)) {
            return Optional.empty();
        }
        return verify(username, password, msChapChallenge16, Arrays.copyOfRange(msChap2Response50, 2, 18),
                Arrays.copyOfRange(msChap2Response50, 26, 50));
    }

    /**
     * The value of the MS-CHAP2-Success attribute (RFC 2548 §2.3.3): the Ident of the
     * MS-CHAP2-Response (its first byte), then the 42 ASCII bytes of the authenticator response.
     */
    public static byte[] successAttribute(byte ident, Result result) {
        byte[] text = result.authenticatorResponse().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[1 + text.length];
        out[0] = ident;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    /**
     * The peer's side (RFC 2759 §8.1 {@code GenerateNTResponse}): what a client with this
     * password answers. Signet's server needs it only to test itself; it is public for the
     * listener's tests and tools.
     */
    public static byte[] ntResponse(byte[] authChallenge16, byte[] peerChallenge16, String username, char[] password) {
        byte[] passwordHash = ntPasswordHash(password);
        try {
            return challengeResponse(challengeHash(peerChallenge16, authChallenge16, username), passwordHash);
        } finally {
            Arrays.fill(passwordHash, (byte) 0);
        }
    }

    /** RFC 2759 §8.3 {@code NtPasswordHash}: MD4 over the password in UTF-16LE. */
    public static byte[] ntPasswordHash(char[] password) {
        byte[] unicode = new byte[password.length * 2];
        for (int i = 0; i < password.length; i++) {
            unicode[2 * i] = (byte) password[i];
            unicode[2 * i + 1] = (byte) (password[i] >>> 8);
        }
        try {
            return md4(unicode);
        } finally {
            Arrays.fill(unicode, (byte) 0);
        }
    }

    /** RFC 2759 §8.2 {@code ChallengeHash}: SHA-1 over both challenges and the bare user name, first 8 bytes. */
    static byte[] challengeHash(byte[] peerChallenge16, byte[] authChallenge16, String username) {
        SHA1Digest sha = new SHA1Digest();
        sha.update(peerChallenge16, 0, 16);
        sha.update(authChallenge16, 0, 16);
        byte[] name = withoutDomain(username).getBytes(StandardCharsets.UTF_8);
        sha.update(name, 0, name.length);
        byte[] digest = new byte[20];
        sha.doFinal(digest, 0);
        return Arrays.copyOf(digest, 8);
    }

    /** RFC 2759 §8.5 {@code ChallengeResponse}: the challenge DES-encrypted under each 7 bytes of the zero-padded hash. */
    static byte[] challengeResponse(byte[] challenge8, byte[] passwordHash16) {
        byte[] padded = Arrays.copyOf(passwordHash16, 21);
        byte[] response = new byte[24];
        for (int i = 0; i < 3; i++) {
            DESEngine des = new DESEngine();
            des.init(true, new KeyParameter(desKey(padded, 7 * i)));
            des.processBlock(challenge8, 0, response, 8 * i);
        }
        Arrays.fill(padded, (byte) 0);
        return response;
    }

    /** RFC 2759 §8.7 {@code GenerateAuthenticatorResponse}: "S=" and 40 upper-case hex digits. */
    static String authenticatorResponse(byte[] passwordHash16, byte[] ntResponse24, byte[] peerChallenge16,
            byte[] authChallenge16, String username) {
        byte[] hashHash = md4(passwordHash16);
        byte[] digest = sha1(hashHash, ntResponse24, MAGIC_SIGNING);
        byte[] challenge = challengeHash(peerChallenge16, authChallenge16, username);
        return "S=" + HEX.formatHex(sha1(digest, challenge, MAGIC_PAD));
    }

    /**
     * RFC 3079 §3.4 {@code GetMasterKey}, from the NT password hash (it hashes it once more
     * itself): the 16-byte key both MPPE directions start from.
     */
    public static byte[] masterKey(byte[] passwordHash16, byte[] ntResponse24) {
        return Arrays.copyOf(sha1(md4(passwordHash16), ntResponse24, MAGIC_MASTER), 16);
    }

    /** RFC 3079 §3.4 {@code GetAsymmetricStartKey} for the server's send direction (Magic3), 128-bit. */
    public static byte[] serverSendKey(byte[] masterKey16) {
        return startKey(masterKey16, MAGIC_SERVER_SEND);
    }

    /** RFC 3079 §3.4 {@code GetAsymmetricStartKey} for the server's receive direction (Magic2), 128-bit. */
    public static byte[] serverReceiveKey(byte[] masterKey16) {
        return startKey(masterKey16, MAGIC_SERVER_RECEIVE);
    }

    private static byte[] startKey(byte[] master, byte[] magic) {
        return Arrays.copyOf(sha1(master, SHS_PAD1, magic, SHS_PAD2), 16);
    }

    /** RFC 2759 §8.2: only the user name, without a prepended {@code DOMAIN\}, enters the hash. */
    public static String withoutDomain(String username) {
        int slash = username.lastIndexOf('\\');
        return slash < 0 ? username : username.substring(slash + 1);
    }

    static byte[] md4(byte[] in) {
        MD4Digest md4 = new MD4Digest();
        md4.update(in, 0, in.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    private static byte[] sha1(byte[]... parts) {
        SHA1Digest sha = new SHA1Digest();
        for (byte[] part : parts) {
            sha.update(part, 0, part.length);
        }
        byte[] out = new byte[20];
        sha.doFinal(out, 0);
        return out;
    }

    /** Spreads 56 key bits over 8 bytes, 7 a byte, leaving the low (parity) bit, which DES ignores. */
    private static byte[] desKey(byte[] in, int off) {
        byte[] key = new byte[8];
        key[0] = in[off];
        key[1] = (byte) ((in[off] << 7) | ((in[off + 1] & 0xFF) >>> 1));
        key[2] = (byte) ((in[off + 1] << 6) | ((in[off + 2] & 0xFF) >>> 2));
        key[3] = (byte) ((in[off + 2] << 5) | ((in[off + 3] & 0xFF) >>> 3));
        key[4] = (byte) ((in[off + 3] << 4) | ((in[off + 4] & 0xFF) >>> 4));
        key[5] = (byte) ((in[off + 4] << 3) | ((in[off + 5] & 0xFF) >>> 5));
        key[6] = (byte) ((in[off + 5] << 2) | ((in[off + 6] & 0xFF) >>> 6));
        key[7] = (byte) (in[off + 6] << 1);
        return key;
    }

    private static boolean sized(byte[] b, int n) {
        return b != null && b.length == n;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int n, byte b) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }
}
