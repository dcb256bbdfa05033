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
 *
 * <p>A credential step {@link #reserve reserves} its attempt before the credential is checked:
 * concurrent steps cannot all pass a check made before any of them failed, so no more than the
 * limit are ever checked. The counters are plain strings changed by compare-and-set
 * ({@code putIfAbsent}/{@code replace}), which the primary owner applies atomically for the whole
 * cluster; a {@code compute} lambda would have to be marshalled to it.
 */
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

    /**
     * Counts an attempt before its credential is checked, as a failure until it is proved right
     * ({@link #succeeded} or {@link #giveBack}). The attempt that reaches the limit locks the key
     * at once, so every attempt after it is refused while the ones before are still being checked.
     * A key that is already locked counts nothing: the reservation is {@link Reservation#refused}.
     */
    public Reservation reserve(String key, Instant now) {
        while (true) {
            String old = counters.get(key);
            LockoutState before = LockoutState.parse(old);
            LockoutState next = before.failure(now, attempts(), duration(), MAX_LOCK);
            if (store(key, old, next, now)) {
                return new Reservation(key, before, next, now);
            }
        }
    }

    /**
     * Gives a reserved attempt back: its credential proved right (a second factor on the way to the
     * password, or a right password the login refused for another reason), or was never checked.
     */
    public void giveBack(Reservation reservation) {
        if (reservation.refused()) {
            return;
        }
        while (true) {
            String old = counters.get(reservation.key);
            if (old == null) {
                return; // a success or an admin cleared the key meanwhile
            }
            LockoutState next = LockoutState.parse(old).giveBack(reservation.before, reservation.after);
            if (store(reservation.key, old, next, Instant.now())) {
                return;
            }
        }
    }

    private boolean store(String key, String old, LockoutState next, Instant now) {
        long lifespan = Duration.between(now, next.lockedUntil().isAfter(now) ? next.lockedUntil() : now).plus(MEMORY).toMillis();
        return old == null
                ? counters.putIfAbsent(key, next.format(), lifespan, TimeUnit.MILLISECONDS) == null
                : counters.replace(key, old, next.format(), lifespan, TimeUnit.MILLISECONDS);
    }

    /** One attempt counted against a key before its credential was checked. */
    public static final class Reservation {
        private final String key;
        private final LockoutState before;
        private final LockoutState after;
        private final Instant at;

        Reservation(String key, LockoutState before, LockoutState after, Instant at) {
            this.key = key;
            this.before = before;
            this.after = after;
            this.at = at;
        }

        public String key() {
            return key;
        }

        /** The key was locked already: nothing was counted and no credential may be checked. */
        public boolean refused() {
            return before.lockedAt(at);
        }

        /** This attempt reached the limit and locked the key (undone if its credential proves right). */
        public boolean locks() {
            return !refused() && after.lockedAt(at);
        }

        /** How long a refused attempt's key stays locked. */
        public Duration retryAfter() {
            return Duration.between(at, before.lockedUntil());
        }
    }

    /**
     * A success forgets the key's failures. Most successes have none: the local read (the cache
     * is replicated) spares them a cluster-wide write.
     */
    public void succeeded(String key) {
        if (counters.containsKey(key)) {
            counters.remove(key);
        }
    }

    /**
     * Whether the key is locked now, read from this node's copy without counting anything: for a
     * check so cheap (a RADIUS secret compared, no hash) that it is counted after it is made, only
     * when it fails; a burst of concurrent guesses then passes the limit by at most the number of
     * requests being decided at once, against a secret of over 100 bits.
     */
    public boolean lockedNow(String key, Instant now) {
        return LockoutState.parse(counters.get(key)).lockedAt(now);
    }

    /** A failure counted after its cheap check (see {@link #lockedNow}): true when it is the one that locks the key. */
    public boolean failed(String key, Instant now) {
        return reserve(key, now).locks();
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
