package dev.signet.credential;

import java.security.SecureRandom;

/**
 * How a RADIUS secret looks: four groups of five characters joined by '-', e.g.
 * {@code k7Qm2-xR9ta-Hp4eW-3nZbc}, from 55 characters that cannot be mistaken for one another when
 * typed from a screen (no 0/O/o, 1/l/I/i). 20 characters of log2(55) = 5.78 bits: 115 bits,
 * beyond any online guessing and typed once into a device's Wi-Fi settings.
 */
final class RadiusSecretFormat {
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int GROUPS = 4;
    static final int GROUP_LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RadiusSecretFormat() {
    }

    static String generate() {
        StringBuilder secret = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                secret.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return secret.toString();
    }

    /** The secret's entropy in bits, for the documentation and its test. */
    static double bits() {
        return GROUPS * GROUP_LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }

    /**
     * Whether a password contains the secret, ignoring case and the dashes between the groups: a
     * password that holds the RADIUS secret would make the (weaker-stored) RADIUS secret the
     * password's key too.
     */
    static boolean containedIn(char[] password, String secret) {
        String wanted = secret.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        StringBuilder compact = new StringBuilder(password.length);
        for (char c : password) {
            if (c != '-' && !Character.isWhitespace(c)) {
                compact.append(Character.toLowerCase(c));
            }
        }
        boolean found = compact.indexOf(wanted) >= 0;
        compact.setLength(0);
        return found;
    }
}
