package dev.signet.oauth2;

import dev.signet.secret.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens: {@code grant.generation.mac}, the MAC an HMAC-SHA256 under the grant's own key.
 * Every generation of a family can be recognised, so presenting an older one (a copy someone kept)
 * is told apart from a forgery, and revokes the family.
 */
final class RefreshTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    record Presented(UUID grant, int generation, String mac) {
    }

    private RefreshTokens() {
    }

    static byte[] newKey() {
        return RandomTokens.bytes(32);
    }

    static String token(UUID grant, int generation, byte[] key) {
        return grant + "." + generation + "." + mac(grant, generation, key);
    }

    static Optional<Presented> parse(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int generation = Integer.parseInt(parts[1]);
            return generation < 0 ? Optional.empty() : Optional.of(new Presented(UUID.fromString(parts[0]), generation, parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean genuine(Presented presented, byte[] key) {
        return MessageDigest.isEqual(mac(presented.grant(), presented.generation(), key).getBytes(StandardCharsets.US_ASCII),
                presented.mac().getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(UUID grant, int generation, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((grant + "." + generation).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
