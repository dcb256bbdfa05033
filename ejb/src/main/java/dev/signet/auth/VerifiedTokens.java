package dev.signet.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature this node has already checked. An ES256 verification costs milliseconds
 * on JDK 17 (more than the rest of a read request), and a client presents the same token on every
 * call. Only the signature result is remembered: expiry and session revocation are still checked
 * on every request. Bounded, so a flood of distinct valid tokens cannot grow it without limit.
 */
final class VerifiedTokens {
    static final int CAPACITY = 10_000;

    private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();

    Optional<JWTClaimsSet> get(String token) {
        return Optional.ofNullable(verified.get(token));
    }

    void put(String token, JWTClaimsSet claims) {
        if (verified.size() >= CAPACITY) {
            Instant now = Instant.now();
            verified.values().removeIf(c -> expired(c, now));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, claims);
    }

    private static boolean expired(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        return exp == null || !now.isBefore(exp.toInstant());
    }
}
