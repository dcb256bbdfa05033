package dev.signet.auth;

import java.time.Duration;

/** A token bucket: {@code capacity} requests at once, refilled at {@code perMinute}; thread-safe. */
final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, int perMinute, long now) {
        this.capacity = capacity;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token; the wait until one is available when there is none. */
    synchronized Duration take(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Returns one token taken earlier (never beyond the capacity). */
    synchronized void giveBack(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano + 1);
        last = now;
    }

    synchronized boolean full(long now) {
        return tokens + (now - last) * perNano >= capacity;
    }
}
