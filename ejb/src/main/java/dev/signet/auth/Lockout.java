package dev.signet.auth;

import dev.signet.model.Account;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Soft lockout after repeated failed authentications: {@code signet.lockout.attempts} failures
 * (default 5) lock the name for {@code signet.lockout.seconds} (default 1 h), twice as long each
 * time it happens again (at most 7 days). Counters live in the replicated Infinispan cache
 * {@code signet/lockout}, so every node of a cluster sees the same counts. Names that match no
 * account are counted and locked the same way, so lockout does not reveal which accounts exist.
 */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Lockout {
    static final Duration MAX_LOCK = Duration.ofDays(7);
    /** How long a failure (and a lock's doubling level) is remembered after the last event. */
    static final Duration MEMORY = Duration.ofDays(1);

    @Resource(lookup = "java:jboss/infinispan/cache/signet/lockout")
    private Cache<String, String> counters;

    /** The key an attempt counts against: the account when the name found one, else the name. */
    public static String key(Account account, String name) {
        return account != null ? "account:" + account.uuid() : "name:" + name.trim().toLowerCase(Locale.ROOT);
    }

    public boolean locked(String key, Instant now) {
        return lockedUntil(key, now).isPresent();
    }

    /** When the key's soft lock ends, if it is locked at {@code now}. */
    public java.util.Optional<Instant> lockedUntil(String key, Instant now) {
        LockoutState state = LockoutState.parse(counters.get(key));
        return state.lockedAt(now) ? java.util.Optional.of(state.lockedUntil()) : java.util.Optional.empty();
    }

    /** Counts a failure; returns whether this failure locked the key. */
    public boolean failed(String key, Instant now) {
        while (true) {
            String old = counters.get(key);
            LockoutState before = LockoutState.parse(old);
            LockoutState next = before.failure(now, attempts(), duration(), MAX_LOCK);
            long lifespan = Duration.between(now, next.lockedUntil().isAfter(now) ? next.lockedUntil() : now).plus(MEMORY).toMillis();
            boolean stored = old == null
                    ? counters.putIfAbsent(key, next.format(), lifespan, TimeUnit.MILLISECONDS) == null
                    : counters.replace(key, old, next.format(), lifespan, TimeUnit.MILLISECONDS);
            if (stored) {
                return !before.lockedAt(now) && next.lockedAt(now);
            }
        }
    }

    public void succeeded(String key) {
        counters.remove(key);
    }

    /** An admin (or the recovery tool) lifts the soft lock and forgets the failures. */
    public void clear(Account account) {
        counters.remove(key(account, account.name()));
    }

    static int attempts() {
        return Integer.getInteger("signet.lockout.attempts", 5);
    }

    static Duration duration() {
        return Duration.ofSeconds(Long.getLong("signet.lockout.seconds", 3600));
    }
}
