package dev.signet.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashes brought from another directory: {@code {SSHA}}, {@code {SSHA256}},
 * {@code {SSHA512}}, {@code {PBKDF2-SHA256}} (OpenLDAP's pw-pbkdf2 form
 * {@code iterations$salt$hash}, adapted base64) and bcrypt ({@code $2a$}, {@code $2b$},
 * {@code $2y$}, optionally behind {@code {CRYPT}}). They verify once, then the account's password
 * is rehashed to Argon2id.
 */
public enum ImportedPasswordHash {
    SSHA("{SSHA}", "SHA-1", 20),
    SSHA256("{SSHA256}", "SHA-256", 32),
    SSHA512("{SSHA512}", "SHA-512", 64),
    PBKDF2_SHA256("{PBKDF2-SHA256}", null, 32),
    BCRYPT("$2", null, 0);

    /** Refuse work factors no real hash uses, so an imported value cannot stall logins. */
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    private static final int MAX_BCRYPT_COST = 16;

    private final String prefix;
    private final String digest;
    private final int digestBytes;

    ImportedPasswordHash(String prefix, String digest, int digestBytes) {
        this.prefix = prefix;
        this.digest = digest;
        this.digestBytes = digestBytes;
    }

    /** The scheme of a stored value, if it is one this class reads and well-formed. */
    public static Optional<ImportedPasswordHash> of(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String value = unwrapCrypt(stored);
        for (ImportedPasswordHash scheme : values()) {
            if (value.regionMatches(true, 0, scheme.prefix, 0, scheme.prefix.length()) && scheme.wellFormed(value)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /** Whether the password matches; false for values that do not parse. Constant-time comparison. */
    public boolean verify(char[] password, String stored) {
        String value = unwrapCrypt(stored);
        try {
            return switch (this) {
                case SSHA, SSHA256, SSHA512 -> saltedDigest(password, Base64.getDecoder().decode(value.substring(prefix.length()).trim()));
                case PBKDF2_SHA256 -> pbkdf2(password, value.substring(prefix.length()));
                case BCRYPT -> OpenBSDBCrypt.checkPassword(value, password);
            };
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private boolean wellFormed(String value) {
        try {
            return switch (this) {
                case SSHA, SSHA256, SSHA512 -> Base64.getDecoder().decode(value.substring(prefix.length()).trim()).length > digestBytes;
                case PBKDF2_SHA256 -> {
                    String[] parts = value.substring(prefix.length()).split("\\$");
                    int iterations = Integer.parseInt(parts[0]);
                    yield parts.length == 3 && iterations > 0 && iterations <= MAX_PBKDF2_ITERATIONS
                            && ab64(parts[1]).length > 0 && ab64(parts[2]).length == digestBytes;
                }
                case BCRYPT -> value.length() == 60 && value.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")
                        && Integer.parseInt(value.substring(4, 6)) <= MAX_BCRYPT_COST;
            };
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private boolean saltedDigest(char[] password, byte[] decoded) {
        byte[] expected = Arrays.copyOfRange(decoded, 0, digestBytes);
        byte[] salt = Arrays.copyOfRange(decoded, digestBytes, decoded.length);
        try {
            MessageDigest md = MessageDigest.getInstance(digest);
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            md.update(salt);
            return MessageDigest.isEqual(expected, md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pbkdf2(char[] password, String body) {
        String[] parts = body.split("\\$");
        int iterations = Integer.parseInt(parts[0]);
        if (iterations <= 0 || iterations > MAX_PBKDF2_ITERATIONS) {
            return false;
        }
        byte[] salt = ab64(parts[1]);
        byte[] expected = ab64(parts[2]);
        try {
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, expected.length * 8)).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** passlib's "adapted base64": '.' for '+', no padding. */
    private static byte[] ab64(String value) {
        return Base64.getDecoder().decode(value.replace('.', '+'));
    }

    private static String unwrapCrypt(String stored) {
        String trimmed = stored.trim();
        return trimmed.toUpperCase(Locale.ROOT).startsWith("{CRYPT}") ? trimmed.substring(7) : trimmed;
    }
}
