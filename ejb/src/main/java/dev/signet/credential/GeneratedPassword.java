package dev.signet.credential;

import dev.signet.secret.RandomTokens;

/** Random passwords Signet makes itself (first boot, account recovery): 32 characters, ~190 bits. */
public final class GeneratedPassword {
    // no look-alikes (0/O, 1/l/I) so a password read off a terminal can be typed back
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_".toCharArray();
    public static final int LENGTH = 32;

    private GeneratedPassword() {
    }

    public static char[] next() {
        return RandomTokens.from(ALPHABET, LENGTH);
    }
}
