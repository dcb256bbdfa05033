package dev.signet.secret;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Every random secret Signet makes (tokens, codes, salts, keys, challenges) comes from this one
 * {@link SecureRandom}: it is thread-safe, and one instance seeded once is as good as many.
 */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** {@code length} random bytes. */
    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code length} random bytes in URL-safe base64 without padding: a bearer secret for a URL, header or JSON. */
    public static String urlSafe(int length) {
        return URL.encodeToString(bytes(length));
    }

    /** {@code length} characters drawn uniformly from {@code alphabet}. */
    public static char[] from(char[] alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return chars;
    }

    /** A uniformly random number from 0 (inclusive) to {@code bound} (exclusive). */
    public static int below(int bound) {
        return RANDOM.nextInt(bound);
    }
}
