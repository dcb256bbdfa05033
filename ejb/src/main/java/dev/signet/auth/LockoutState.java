package dev.signet.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * What the lockout cache holds for one key, kept as a plain string ({@code failures:until:level})
 * so any cluster node can read it without sharing classes: failures since the last lock, the
 * instant the current lock ends (epoch if none) and how many locks came before (the doubling).
 */
record LockoutState(int failures, Instant lockedUntil, int level) {
    static final LockoutState NONE = new LockoutState(0, Instant.EPOCH, 0);

    static LockoutState parse(String value) {
        if (value == null) {
            return NONE;
        }
        try {
            String[] parts = value.split(":");
            return new LockoutState(Integer.parseInt(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])), Integer.parseInt(parts[2]));
        } catch (RuntimeException malformed) {
            return NONE;
        }
    }

    String format() {
        return failures + ":" + lockedUntil.toEpochMilli() + ":" + level;
    }

    boolean lockedAt(Instant now) {
        return now.isBefore(lockedUntil);
    }

    /** The state after one more failure: at the threshold, a lock of base * 2^level (capped). */
    LockoutState failure(Instant now, int threshold, Duration base, Duration max) {
        if (lockedAt(now)) {
            return this; // attempts while locked neither extend nor count
        }
        int count = failures + 1;
        if (count < threshold) {
            return new LockoutState(count, lockedUntil, level);
        }
        Duration lock = base.multipliedBy(1L << Math.min(level, 20));
        if (lock.compareTo(max) > 0) {
            lock = max;
        }
        return new LockoutState(0, now.plus(lock), level + 1);
    }
    /**
     * The state with one counted attempt given back, because its credential proved right (a second
     * factor on the way to the password, or a right password refused for another reason).
     * {@code before} and {@code after} are the states around the attempt's own count. When that
     * count placed the lock and nothing has changed it since, the lock is undone; otherwise one
     * failure is forgotten.
     */
    LockoutState giveBack(LockoutState before, LockoutState after) {
        boolean placedTheLock = !after.lockedUntil.equals(before.lockedUntil);
        if (placedTheLock && equals(after)) {
            return before;
        }
        return failures > 0 ? new LockoutState(failures - 1, lockedUntil, level) : this;
    }
}
