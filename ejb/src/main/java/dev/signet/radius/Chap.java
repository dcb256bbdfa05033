package dev.signet.radius;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * RFC 1994 section 4.1 as RFC 2865 section 2.2 carries it: the response is
 * MD5(identifier + secret + challenge), compared in constant time.
 */
final class Chap {
    private Chap() {
    }

    static boolean verify(int identifier, byte[] response, byte[] challenge, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) identifier);
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            md5.update(challenge);
            return MessageDigest.isEqual(md5.digest(), response);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** PAP: the secret as sent, compared in constant time (a length difference tells only the length). */
    static boolean papMatches(char[] password, String secret) {
        byte[] given = new String(password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, secret.getBytes(StandardCharsets.UTF_8));
    }
}
