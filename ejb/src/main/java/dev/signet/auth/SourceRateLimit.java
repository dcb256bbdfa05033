package dev.signet.auth;

import dev.signet.fault.TooManyRequests;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-source-address rate of authentication attempts (each {@code init} and {@code reauth}, and each LDAP bind that carries a credential):
 * {@code signet.auth.rate.per.minute} (default 1200, a burst of as many) per address on each
 * node. Beyond it a source gets 429 (LDAP: busy) until its bucket refills. It bounds floods and password
 * spraying across many names, which per-account lockout cannot see.
 */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SourceRateLimit {
    /** Past this many tracked sources, buckets that have refilled completely are forgotten. */
    static final int SWEEP_AT = 50_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Takes one attempt from the source's allowance, or refuses with 429 (REST). */
    public void acquire(String source) {
        Duration wait = take(source);
        if (!wait.isZero()) {
            throw new TooManyRequests("too many authentication requests from " + source + "; retry later", wait);
        }
    }

    /**
     * Takes one attempt from the source's allowance: zero when it is taken, else how long until
     * one is free. For protocols that answer a refusal themselves (an LDAP bind answers busy) and
     * must not roll back the transaction they are in.
     */
    public Duration take(String source) {
        long now = System.nanoTime();
        int perMinute = Integer.getInteger("signet.auth.rate.per.minute", 1200);
        if (buckets.size() > SWEEP_AT) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(source, s -> new TokenBucket(perMinute, perMinute, now)).take(now);
    }
}
