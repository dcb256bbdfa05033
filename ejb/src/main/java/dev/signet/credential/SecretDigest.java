package dev.signet.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a random, high-entropy secret (backup codes, reset tokens): its SHA-256 in
 * hex. A fast hash is enough because such secrets cannot be guessed from a dictionary; passwords
 * use {@link PasswordHash} instead.
 */
public final class SecretDigest {
    private SecretDigest() {
    }

    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
