package dev.signet.credential;

import dev.signet.fault.InvalidInput;
import java.util.Locale;

/** The HMAC functions RFC 6238 allows, by their otpauth:// name. */
public enum TotpAlgorithm {
    SHA1("HmacSHA1", 20),
    SHA256("HmacSHA256", 32),
    SHA512("HmacSHA512", 64);

    private final String mac;
    private final int keyBytes;

    TotpAlgorithm(String mac, int keyBytes) {
        this.mac = mac;
        this.keyBytes = keyBytes;
    }

    String mac() {
        return mac;
    }

    /** RFC 6238's reference keys are as long as the hash output. */
    int keyBytes() {
        return keyBytes;
    }

    public static TotpAlgorithm parse(String value) {
        if (value == null) {
            return SHA1;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("algorithm", "algorithm must be SHA1, SHA256 or SHA512");
        }
    }
}
