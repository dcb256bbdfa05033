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
 * Per-source-address rates, each {@link Attempt} with buckets of its own on each node. Beyond its
 * allowance a source gets 429 (LDAP: busy) until its bucket refills. Authentication attempts (each
 * {@code init} and {@code reauth}, and each LDAP bind that carries a credential):
 * {@code signet.auth.rate.per.minute} (default 1200, a burst of as many); it bounds floods and
 * password spraying across many names, which per-account lockout cannot see.
 */
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SourceRateLimit {
    /** Past this many tracked sources, buckets that have refilled completely are forgotten. */
    static final int SWEEP_AT = 50_000;

    /** What a source is limited in: the allowance per minute (also the burst) and its property. */
    public enum Attempt {
        AUTHENTICATION("signet.auth.rate.per.minute", 1200, "too many authentication requests"),
        /**
         * RFC 8628 section 5.1: user codes are short enough to guess, so wrong ones are what is
         * counted (a right one is given back); ten a minute leaves a mistyping person room and
         * makes guessing one of the live codes hopeless within their ten minutes.
         */
        DEVICE_USER_CODE("signet.oauth2.device.rate.per.minute", 10, "too many wrong device codes");

        private final String property;
        private final int perMinute;
        private final String refusal;

        Attempt(String property, int perMinute, String refusal) {
            this.property = property;
            this.perMinute = perMinute;
            this.refusal = refusal;
        }

        int perMinute() {
            return Integer.getInteger(property, perMinute);
        }
    }

    private record Key(Attempt attempt, String source) {
    }

    private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** One authentication attempt from {@code source}, or 429 (REST). */
    public void acquire(String source) {
        acquire(Attempt.AUTHENTICATION, source);
    }

    /** Takes one {@code attempt} from the source's allowance, or refuses with how long to wait. */
    public void acquire(Attempt attempt, String source) {
        Duration wait = take(attempt, source);
        if (!wait.isZero()) {
            throw new TooManyRequests(attempt.refusal + " from " + source + "; retry later", wait);
        }
    }

    /**
     * Takes one authentication attempt from the source's allowance: zero when it is taken, else
     * how long until one is free. For protocols that answer a refusal themselves (an LDAP bind
     * answers busy) and must not roll back the transaction they are in.
     */
    public Duration take(String source) {
        return take(Attempt.AUTHENTICATION, source);
    }

    private Duration take(Attempt attempt, String source) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_AT) {
            buckets.values().removeIf(b -> b.full(now));
        }
        int perMinute = attempt.perMinute();
        return buckets.computeIfAbsent(new Key(attempt, source), k -> new TokenBucket(perMinute, perMinute, now)).take(now);
    }

    /**
     * Gives back what {@link #acquire(Attempt, String)} took, for an attempt that turned out not to
     * count (a right user code). Taking first and giving back later keeps concurrent wrong attempts
     * from all passing a check made before any of them was counted.
     */
    public void giveBack(Attempt attempt, String source) {
        TokenBucket bucket = buckets.get(new Key(attempt, source));
        if (bucket != null) {
            bucket.giveBack(System.nanoTime());
        }
    }
}
