package dev.signet.radius.adapter;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * RFC 2548 section 2.4.2, the encryption of MS-MPPE-Send-Key and MS-MPPE-Recv-Key: a two-octet
 * salt (high bit set, unique per attribute), then the key with its length octet in front, padded
 * to 16 octets and XORed with MD5(secret + request authenticator + salt), chained like
 * User-Password (RFC 2865 section 5.2).
 */
final class SaltEncryption {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SaltEncryption() {
    }

    /**
     * The salts for one answer's encrypted attributes: RFC 2548 says each MUST be unique within
     * the packet (a Send-Key and a Recv-Key under the same salt would share their key stream), so
     * they count up from a random start instead of being drawn one by one.
     */
    static final class Salts {
        private int next = RANDOM.nextInt(1 << 15);

        byte[] next() {
            int value = 0x8000 | (next++ & 0x7fff);
            return new byte[] {(byte) (value >>> 8), (byte) value};
        }
    }

    static byte[] encrypt(byte[] plain, byte[] secret, byte[] requestAuthenticator, byte[] salt) {
        int padded = ((plain.length + 1 + 15) / 16) * 16;
        byte[] p = new byte[padded];
        p[0] = (byte) plain.length;
        System.arraycopy(plain, 0, p, 1, plain.length);
        byte[] out = new byte[2 + padded];
        out[0] = salt[0];
        out[1] = salt[1];
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] previous = null;
            for (int i = 0; i < padded; i += 16) {
                md5.update(secret);
                if (previous == null) {
                    md5.update(requestAuthenticator);
                    md5.update(salt);
                } else {
                    md5.update(previous);
                }
                byte[] b = md5.digest();
                for (int j = 0; j < 16; j++) {
                    out[2 + i + j] = (byte) (p[i + j] ^ b[j]);
                }
                previous = java.util.Arrays.copyOfRange(out, 2 + i, 2 + i + 16);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** The inverse, for tests and for a reader of this class: the key inside an encrypted value. */
    static byte[] decrypt(byte[] encrypted, byte[] secret, byte[] requestAuthenticator) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] p = new byte[encrypted.length - 2];
            byte[] previous = null;
            for (int i = 0; i < p.length; i += 16) {
                md5.update(secret);
                if (previous == null) {
                    md5.update(requestAuthenticator);
                    md5.update(encrypted, 0, 2);
                } else {
                    md5.update(previous);
                }
                byte[] b = md5.digest();
                for (int j = 0; j < 16; j++) {
                    p[i + j] = (byte) (encrypted[2 + i + j] ^ b[j]);
                }
                previous = java.util.Arrays.copyOfRange(encrypted, 2 + i, 2 + i + 16);
            }
            return java.util.Arrays.copyOfRange(p, 1, 1 + (p[0] & 0xff));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
